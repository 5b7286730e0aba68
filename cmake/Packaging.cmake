# SPDX-License-Identifier: MIT
# Installs what makes ModelBench a desktop program (launcher, icons, the model files' MIME type)
# and describes the Debian package `cpack -G DEB` builds. The executables' install rules are in
# app/CMakeLists.txt; tests/deb_package_test.sh checks the package.
include(GNUInstallDirs)

set(MB_APP_ID io.modelbench.ModelBench)
install(FILES "${PROJECT_SOURCE_DIR}/resources/${MB_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
# shared-mime-info's packages; Debian's shared-mime-info trigger (or `update-mime-database` for
# a prefix of one's own) turns them into the MIME database.
install(FILES "${PROJECT_SOURCE_DIR}/resources/mime/modelbench.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages")
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/modelbench.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
# PNGs rendered from the SVG by scripts/render-icons.sh and committed, so that building needs no
# SVG renderer.
set(MB_ICON_PNG_SIZES 16 32 48 64 128 256)
foreach(size IN LISTS MB_ICON_PNG_SIZES)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/modelbench.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
endforeach()

# The Debian package. dpkg-shlibdeps finds the libraries the executables link (Qt, Boost, libc);
# the plugins Qt loads at run time it cannot see, so they are named here: the SQLite driver of the
# catalog, the platform plugins of the GUI and the SVG icon engine its icons need.
set(CPACK_PACKAGE_NAME modelbench)
set(CPACK_PACKAGE_VENDOR "ModelBench")
set(CPACK_PACKAGE_CONTACT "ModelBench maintainers <maintainers@users.noreply.r-seed-c25ea30e.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop workbench for classifiers")
set(CPACK_PACKAGE_DESCRIPTION
    "ModelBench loads a table of data (CSV, ARFF or a built-in sample), trains a\n\
classifier (decision tree, random forest, gradient boosting, logistic regression,\n\
k-nearest neighbours, naive Bayes), evaluates it and keeps the model in a file or\n\
a catalog to use again later. The same engine runs headless as modelbench-cli.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # modelbench_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
# Qt's own strings (OK, Cancel, file dialogs) in Chinese.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_GENERATOR DEB)
include(CPack)
