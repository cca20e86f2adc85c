# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: two Debian packages from the install components, `make package` (or
# `cmake --build BUILD --target package`) writes them into BUILD:
#   orion       (component app)   the desktop application
#   orion-node  (component node)  the headless node and orionctl, with the user unit
# Library dependencies come from dpkg-shlibdeps (Debian: dpkg-dev), so libqrencode4 and
# libqt6keychain1 follow from the link; plugins Qt loads at run time (the SQLite driver) are
# named here because no linker sees them. Build dependencies: scripts/setup-deps.

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "orion")
set(CPACK_PACKAGE_VENDOR "The Orion developers")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/" "/\\\\.git/")

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${components})
set(CPACK_COMPONENTS_GROUPING IGNORE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE "${ORION_DEBIAN_REVISION}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ORION_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${ORION_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SOURCE "orion")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")

# Each package's description starts with its own synopsis line. CPackDeb puts the one
# project-wide summary in front of it unless that summary is CPack's default one.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")

set(CPACK_DEBIAN_APP_PACKAGE_NAME "orion")
set(CPACK_DEBIAN_APP_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# A secret service (GNOME Keyring or KWallet) lets the app remember the passphrase.
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "qt6-wayland, gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_APP_PACKAGE_SUGGESTS "orion-node")
set(CPACK_DEBIAN_APP_DESCRIPTION
"peer-to-peer messaging node for the desktop
Orion runs a node of a peer-to-peer overlay network: nodes know each other
by their keys, find each other in a Kademlia overlay, connect over
encrypted TCP (Secret Handshake and Box Stream) and route messages hop by
hop to any key, without a central server. Small NET-Script programs
(containers) running on a node answer messages.

This package holds the desktop application: a setup wizard, a live view of
the node, its routing table and its containers, a message console, and a
system tray icon that keeps the node running.")

set(CPACK_DEBIAN_NODE_PACKAGE_NAME "orion-node")
set(CPACK_DEBIAN_NODE_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_NODE_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_NODE_PACKAGE_SUGGESTS "orion")
set(CPACK_DEBIAN_NODE_DESCRIPTION
"headless peer-to-peer messaging node (orion-node, orionctl)
Orion runs a node of a peer-to-peer overlay network: nodes know each other
by their keys, find each other in a Kademlia overlay, connect over
encrypted TCP (Secret Handshake and Box Stream) and route messages hop by
hop to any key, without a central server. Small NET-Script programs
(containers) running on a node answer messages.

This package holds orion-node, the node without a display, with a systemd
user service, and orionctl, which drives a running node through its local
portal socket.")

include(CPack)
