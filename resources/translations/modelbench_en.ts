<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>mb</name>
    <message numerus="yes">
        <location filename="../../ui/results/model_sheet.cpp" line="+70"/>
        <source>categorical, %n level(s): </source>
        <translation>
            <numerusform>categorical, %n level: </numerusform>
            <numerusform>categorical, %n levels: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mb::BatchPage</name>
    <message numerus="yes">
        <location filename="../../ui/batch/batch_page.cpp" line="+300"/>
        <source>%n value(s) of a category the model never saw.</source>
        <translation>
            <numerusform>%n value of a category the model never saw.</numerusform>
            <numerusform>%n values of a category the model never saw.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n value(s) outside the training range (scored, but the model has not seen such values).</source>
        <translation>
            <numerusform>%n value outside the training range (scored, but the model has not seen such values).</numerusform>
            <numerusform>%n values outside the training range (scored, but the model has not seen such values).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%n row(s) not scored:</source>
        <translation>
            <numerusform>%n row not scored:</numerusform>
            <numerusform>%n rows not scored:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n row(s) not scored; see the list under the table.</source>
        <translation>
            <numerusform>%n row not scored; see the list under the table.</numerusform>
            <numerusform>%n rows not scored; see the list under the table.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mb::CatalogPage</name>
    <message numerus="yes">
        <location filename="../../ui/catalog/catalog_page.cpp" line="+262"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n version(s)</source>
        <translation>
            <numerusform>%1 of %n version</numerusform>
            <numerusform>%1 of %n versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n versions selected.</source>
        <translation>
            <numerusform>%n version selected.</numerusform>
            <numerusform>%n versions selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+129"/>
        <source>Imported %n model file(s).</source>
        <translation>
            <numerusform>Imported %n model file.</numerusform>
            <numerusform>Imported %n model files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n file(s) could not be imported.</source>
        <translation>
            <numerusform>%n file could not be imported.</numerusform>
            <numerusform>%n files could not be imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mb::ExplanationView</name>
    <message numerus="yes">
        <location filename="../../ui/predict/explanation_view.cpp" line="+241"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mb::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.cpp" line="+469"/>
        <source>Catalog %1: %n model version(s).</source>
        <translation>
            <numerusform>Catalog %1: %n model version.</numerusform>
            <numerusform>Catalog %1: %n model versions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mb::TreeDiagramView</name>
    <message numerus="yes">
        <location filename="../../ui/results/tree_diagram_view.cpp" line="+132"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
</TS>
