// SPDX-License-Identifier: GPL-3.0-or-later
// Mnemonics: the Alt+letter keys the visible widgets of a window answer to (buttons, labels
// with a buddy, group boxes, tabs, menu titles), to find letters claimed twice. GUI thread.
#pragma once

#include <QStringList>

class QWidget;

namespace orion::test {

// "Alt+B: “< &Back”, “&Browse…”" for every key more than one visible widget of `window`
// claims; empty when every mnemonic is unique.
QStringList duplicateMnemonics(QWidget *window);

} // namespace orion::test
