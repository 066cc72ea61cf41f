# ICU for every layer, as one target: newssearch_icu.
#
# Most programs link ICU's shared libraries. A program that sets its NEWSSEARCH_STATIC_ICU
# property links ICU's static archives instead (libicu-dev ships them), its data included. The
# command-line program does (apps/newssearch): a one-shot search is a process of a few
# milliseconds, and loading and relocating ICU's two shared libraries was a sixth of its
# instructions and a millisecond of its wall time (docs/BENCHMARKS.md, "Start-up and a one-shot
# search"). The price is its size: ICU's data (about 30 MB) is inside the program, and an ICU
# security update reaches it only when it is built again. -DNEWSSEARCH_STATIC_ICU=OFF links it
# like the others.
option(NEWSSEARCH_STATIC_ICU "Link the newssearch program with ICU's static libraries" ON)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)

set(icu_static_archives "")
if(NEWSSEARCH_STATIC_ICU)
    foreach(component i18n uc data) # in link order: each uses the next
        find_library(NEWSSEARCH_ICU_${component}_ARCHIVE NAMES libicu${component}.a)
        if(NOT NEWSSEARCH_ICU_${component}_ARCHIVE)
            message(STATUS "libicu${component}.a not found: every program links ICU's shared libraries")
            set(icu_static_archives "")
            break()
        endif()
        list(APPEND icu_static_archives ${NEWSSEARCH_ICU_${component}_ARCHIVE})
    endforeach()
endif()

add_library(newssearch_icu INTERFACE)
if(icu_static_archives)
    set(wants_static "$<BOOL:$<TARGET_PROPERTY:NEWSSEARCH_STATIC_ICU>>")
    # The property is read on the program being linked (the head of the link), so the layers'
    # static libraries, compiled once, link either way.
    target_include_directories(newssearch_icu INTERFACE ${ICU_INCLUDE_DIRS})
    foreach(archive ${icu_static_archives})
        target_link_libraries(newssearch_icu INTERFACE "$<${wants_static}:${archive}>")
    endforeach()
    target_link_libraries(newssearch_icu INTERFACE
        "$<$<NOT:${wants_static}>:ICU::i18n>" "$<$<NOT:${wants_static}>:ICU::uc>" ${CMAKE_DL_LIBS})
else()
    target_link_libraries(newssearch_icu INTERFACE ICU::i18n ICU::uc)
endif()
