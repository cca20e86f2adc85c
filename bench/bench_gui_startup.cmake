# SPDX-License-Identifier: GPL-3.0-or-later
# The baseline program: a bare QMainWindow with the same start-up report as orion.
if(TARGET orion_gui)
    add_executable(bench_gui_startup_baseline ${CMAKE_CURRENT_SOURCE_DIR}/gui/BaselineMain.cpp
        ${CMAKE_SOURCE_DIR}/src/app/StartupReport.cpp)
    target_include_directories(bench_gui_startup_baseline PRIVATE ${CMAKE_SOURCE_DIR}/src/app)
    target_link_libraries(bench_gui_startup_baseline PRIVATE Qt6::Widgets)
    add_dependencies(${_name} bench_gui_startup_baseline orion)
endif()
