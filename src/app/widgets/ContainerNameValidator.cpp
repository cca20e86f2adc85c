// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ContainerNameValidator.h"

#include "container/ContainerDefinition.h"

namespace orion::app::widgets {

ContainerNameValidator::ContainerNameValidator(QObject *parent)
    : QValidator(parent) {}

void ContainerNameValidator::fixup(QString &input) const {
    // Same length in and out, so the cursor position stays right.
    input = input.toLower();
    input.replace(QLatin1Char(' '), QLatin1Char('-'));
}

QValidator::State ContainerNameValidator::validate(QString &input, int &pos) const {
    Q_UNUSED(pos)
    fixup(input);
    if (input.isEmpty()) {
        return Intermediate;
    }
    // Every beginning of a valid name is a valid name itself, so there is no "not yet".
    return container::ContainerDefinition::isValidName(input) ? Acceptable : Invalid;
}

} // namespace orion::app::widgets
