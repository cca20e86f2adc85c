// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Effect.h"

#include "script/ValueOps.h"

namespace orion::script {

namespace {
void field(std::string &out, const char *name, const QString &value) {
    out += ",\"";
    out += name;
    out += "\":";
    const QByteArray u = value.toUtf8();
    ValueOps::jsonQuote(std::string_view(u.constData(), size_t(u.size())), out);
}
void rawField(std::string &out, const char *name, const QString &json) {
    out += ",\"";
    out += name;
    out += "\":";
    out += json.toStdString();
}
} // namespace

const char *Effect::kindName(Kind kind) {
    switch (kind) {
    case Kind::Route:
        return "route";
    case Kind::Reply:
        return "reply";
    case Kind::Log:
        return "log";
    case Kind::StorePut:
        return "store-put";
    case Kind::StoreDelete:
        return "store-delete";
    }
    return "?";
}

QString Effect::toJsonLine() const {
    std::string out = "{\"effect\":\"";
    out += kindName(kind);
    out += '"';
    switch (kind) {
    case Kind::Route:
        field(out, "target", target);
        field(out, "service", service);
        (json ? rawField : field)(out, "body", body);
        break;
    case Kind::Reply:
        (json ? rawField : field)(out, "body", body);
        break;
    case Kind::Log:
        field(out, "text", body);
        break;
    case Kind::StorePut:
        field(out, "key", key);
        out += ",\"value\":";
        out += body.toStdString();
        break;
    case Kind::StoreDelete:
        field(out, "key", key);
        break;
    }
    out += '}';
    return QString::fromStdString(out);
}

} // namespace orion::script
