// SPDX-License-Identifier: GPL-3.0-or-later
// Effect: one thing an instance asks the node to do (route, reply, log, store-put,
// store-delete). A plain value made on the worker and posted to the node thread in order.
#pragma once

#include <QString>

namespace orion::script {

struct Effect {
    enum class Kind { Route, Reply, Log, StorePut, StoreDelete };

    Kind kind = Kind::Log;
    QString target;  // Route: 40-digit lowercase hex key
    QString service; // Route: service name, empty when none was given
    QString key;     // StorePut, StoreDelete
    // Route, Reply: the body to send: a string as it is, any other value JSON-encoded
    // (then `json` is set). Log: the text. StorePut: the value, JSON-encoded.
    QString body;
    // Route, Reply: `body` is the JSON encoding of a value that is not a string (a map, a
    // list, a number, t or nil); it travels as that JSON value, not as text.
    bool json = false;

    // One JSON object on one line with a fixed key order, e.g.
    // {"effect":"route","target":"…","service":"…","body":"…"}; a JSON body is written
    // as its value ("body":{"ok":true}).
    QString toJsonLine() const;
    static const char *kindName(Kind kind);

    bool operator==(const Effect &other) const = default;
};

} // namespace orion::script
