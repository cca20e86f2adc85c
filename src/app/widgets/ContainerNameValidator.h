// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerNameValidator: keeps a container name field to what container::ContainerDefinition
// accepts (lowercase letters, digits, - and _), turning capitals into lowercase and spaces
// into dashes as they are typed instead of dropping them. GUI thread.
#pragma once

#include <QValidator>

namespace orion::app::widgets {

class ContainerNameValidator : public QValidator {
    Q_OBJECT

public:
    explicit ContainerNameValidator(QObject *parent = nullptr);

    State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;
};

} // namespace orion::app::widgets
