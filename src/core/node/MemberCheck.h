// SPDX-License-Identifier: GPL-3.0-or-later
// MemberCheck: what became of an imported member file: whether this node reached the member
// at the address its file names, or why not. A value in NodeStatus; any thread.
#pragma once

#include <QString>

namespace orion::node {

struct MemberCheck {
    enum class Result {
        Checking, // dialled, no answer yet
        Reached,  // the member answered at that address
        Failed,   // it did not; `reason` says why
    };
    QString nodeId;  // hex
    QString address; // "host:port" the file names
    Result result = Result::Checking;
    QString reason;         // for Failed: why, in a person's words
    qint64 checkedAtMs = 0; // by the node's clock, when the result came

    // "checking", "reached" or "failed": stable names for scripts and the portal.
    static QString resultName(Result result) {
        switch (result) {
        case Result::Reached:
            return QStringLiteral("reached");
        case Result::Failed:
            return QStringLiteral("failed");
        case Result::Checking:
            break;
        }
        return QStringLiteral("checking");
    }
    friend bool operator==(const MemberCheck &, const MemberCheck &) = default;
};

} // namespace orion::node
