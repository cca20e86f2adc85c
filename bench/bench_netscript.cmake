# SPDX-License-Identifier: GPL-3.0-or-later
# The NET-Script benchmark runs the same programs in Lua 5.4 as its baseline.
pkg_check_modules(LUA REQUIRED IMPORTED_TARGET lua5.4)
target_link_libraries(${_name} PRIVATE PkgConfig::LUA)
