# SPDX-License-Identifier: GPL-3.0-or-later
# The simulator lives with the tests; bring it in when tests are not built.
if(NOT TARGET orion_sim)
    add_subdirectory(${CMAKE_SOURCE_DIR}/tests/sim ${CMAKE_BINARY_DIR}/bench/orion_sim)
endif()
target_link_libraries(${_name} PRIVATE orion_sim)
