<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="+36"/>
        <source>A desktop workbench for classifiers.</source>
        <translation>分类器桌面工作台。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A data file (.csv, .tsv, .txt, .arff), a built-in sample such as sample:iris.csv, or a model file (.mbm).</source>
        <translation>数据文件（.csv、.tsv、.txt、.arff），内置示例数据（如 sample:iris.csv），或模型文件（.mbm）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The language of the interface: %1. Without it, the one chosen in Settings &gt; Language, else the system&apos;s.</source>
        <translation>界面语言：%1。不指定时使用“设置 &gt; 语言”中的选择，若未选择则跟随系统。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>modelbench: no language &apos;%1&apos;; choose one of: %2</source>
        <translation>modelbench：没有语言“%1”；可选：%2</translation>
    </message>
</context>
<context>
    <name>mb</name>
    <message>
        <location filename="../../ui/results/model_sheet.cpp" line="+33"/>
        <location filename="../../ui/train/result_text.cpp" line="+30"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>RECIPE</source>
        <translation>训练配方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>验证方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trained on</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>categorical, %n level(s): </source>
        <translation>
            <numerusform>分类型，%n 个取值：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>numeric, %1 to %2 (median %3)</source>
        <translation>数值型，%1 至 %2（中位数 %3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SCHEMA</source>
        <translation>输入结构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 features</source>
        <translation>%1 个特征</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>target %1, %2 classes: %3</source>
        <translation>目标 %1，%2 个类别：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>METRICS</source>
        <translation>评估指标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not measured</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not measured (no validation)</source>
        <translation>未评估（未验证）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/train/result_text.cpp" line="+24"/>
        <source>rows evaluated</source>
        <translation>评估行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/train/result_text.cpp" line="-6"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/train/result_text.cpp" line="+1"/>
        <source>balanced accuracy</source>
        <translation>平衡准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>%1 macro, %2 weighted</source>
        <translation>宏平均 %1，加权平均 %2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>F1</source>
        <translation>F1 值</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/train/result_text.cpp" line="+3"/>
        <source>log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/train/result_text.cpp" line="+1"/>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 binary</source>
        <translation>%1（二分类）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 one-vs-rest macro</source>
        <translation>%1（一对其余，宏平均）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model sheet: %1</source>
        <translation>模型概要：%1</translation>
    </message>
    <message>
        <location filename="../../ui/train/result_text.cpp" line="-3"/>
        <source>macro F1</source>
        <translation>宏平均 F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weighted F1</source>
        <translation>加权平均 F1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>holdout %1 %</source>
        <translation>留出法 %1 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1-fold cross-validation</source>
        <translation>%1 折交叉验证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test file %1</source>
        <translation>测试文件 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no validation</source>
        <translation>未验证</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: trained on every row in %2, not validated</source>
        <translation>%1：用全部行训练，耗时 %2，未验证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: accuracy %2, macro F1 %3 (%4, %5 rows) in %6</source>
        <translation>%1：准确率 %2，宏平均 F1 %3（%4，%5 行），耗时 %6</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1  %2 on %3 (target %4), %5, seed %6</source>
        <translation>%1  %2，数据 %3（目标 %4），%5，随机种子 %6</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>    accuracy %1   balanced accuracy %2   macro F1 %3   log loss %4   rows %5</source>
        <translation>    准确率 %1   平衡准确率 %2   宏平均 F1 %3   对数损失 %4   行数 %5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>    fit %1, total %2</source>
        <translation>    拟合 %1，总计 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>    parameters: %1</source>
        <translation>    参数：%1</translation>
    </message>
</context>
<context>
    <name>mb::BatchPage</name>
    <message>
        <location filename="../../ui/batch/batch_page.cpp" line="+61"/>
        <source>&amp;Choose File…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a CSV or ARFF file to score</source>
        <translation>选择要评分的 CSV 或 ARFF 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+158"/>
        <location line="+20"/>
        <source>No file chosen.</source>
        <translation>未选择文件。</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>Rows with unseen categories</source>
        <translation>含未见类别值的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score them, unseen values as missing</source>
        <translation>照常评分，未见值按缺失处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave them unscored</source>
        <translation>不评分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Unseen categories:</source>
        <translation>未见类别值(&amp;U)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How the file matches the model&apos;s inputs</source>
        <translation>文件与模型输入的对应情况</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Score</source>
        <translation>评分(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scoring progress</source>
        <translation>评分进度</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scored rows</source>
        <translation>已评分的行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rows not scored</source>
        <translation>未评分的行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the inputs, the predicted class and the probabilities as CSV</source>
        <translation>将输入、预测类别和概率保存为 CSV</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Before scoring</source>
        <translation>评分前检查</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scores</source>
        <translation>评分结果</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Scoring with &lt;b&gt;%1&lt;/b&gt; (%2 inputs, classes %3).</source>
        <translation>使用 &lt;b&gt;%1&lt;/b&gt; 评分（%2 个输入，类别 %3）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No model: train one, or open one from a file or the catalog.</source>
        <translation>没有模型：请训练一个，或从文件或模型目录中打开。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a File to Score</source>
        <translation>选择要评分的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data files (*.csv *.tsv *.txt *.arff);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.arff);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot Read File</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 could not be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2 rows, %3 columns</source>
        <translation>%1：%2 行，%3 列</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a file to score.</source>
        <translation>请选择要评分的文件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of %2 inputs found.</source>
        <translation>找到 %2 个输入中的 %1 个。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not used: %1.</source>
        <translation>未使用：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file has the class column, so accuracy will be measured.</source>
        <translation>文件含有类别列，因此会计算准确率。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n value(s) of a category the model never saw.</source>
        <translation>
            <numerusform>%n 个值属于模型从未见过的类别。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n value(s) outside the training range (scored, but the model has not seen such values).</source>
        <translation>
            <numerusform>%n 个值超出训练范围（会评分，但模型未见过这样的值）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot score yet: %1</source>
        <translation>暂时无法评分：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Scoring…</source>
        <translation>正在评分…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Scoring was cancelled; nothing was kept.</source>
        <translation>评分已取消，未保留任何结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scoring failed: %1</source>
        <translation>评分失败：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scored %1 of %2 rows in %3 s.</source>
        <translation>已评分 %2 行中的 %1 行，用时 %3 秒。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accuracy against the file&apos;s own classes: %1 (%2 rows).</source>
        <translation>相对文件自带类别的准确率：%1（%2 行）。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n row(s) not scored:</source>
        <translation>
            <numerusform>%n 行未评分：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Row %1 (line %2): %3</source>
        <translation>第 %1 行（文件第 %2 行）：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n row(s) not scored; see the list under the table.</source>
        <translation>
            <numerusform>%n 行未评分，详见表格下方的列表。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Scores</source>
        <translation>导出评分结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot Export Scores</source>
        <translation>无法导出评分结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The scores could not be saved to %1.</source>
        <translation>无法将评分结果保存到 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scores saved to %1.</source>
        <translation>评分结果已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>mb::CatalogDetailsView</name>
    <message>
        <location filename="../../ui/catalog/catalog_details_view.cpp" line="+33"/>
        <source>registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renamed</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tagged</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>untagged</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alias set</source>
        <translation>设置别名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alias removed</source>
        <translation>移除别名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description changed</source>
        <translation>修改描述</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1, %2 bytes, SHA-256 %3</source>
        <translation>%1，%2 字节，SHA-256 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 -&gt; none</source>
        <translation>%1 -&gt; 无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>description removed</source>
        <translation>描述已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whole model</source>
        <translation>整个模型</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Details of the selected model</source>
        <translation>所选模型的详细信息</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No description.</source>
        <translation>无描述。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training rows</source>
        <translation>训练行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data fingerprint</source>
        <translation>数据指纹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created (UTC)</source>
        <translation>创建时间 (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered (UTC)</source>
        <translation>登记时间 (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive</source>
        <translation>存档格式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, format %2</source>
        <translation>%1，格式版本 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Metrics</source>
        <translation>评估指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not measured when the model was made.</source>
        <translation>模型生成时未评估。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>mb::CatalogPage</name>
    <message>
        <location filename="../../ui/catalog/catalog_page.cpp" line="+67"/>
        <source>Filter by name, learner, dataset, tag or @alias</source>
        <translation>按名称、学习器、数据集、标签或 @别名 筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the catalog</source>
        <translation>筛选模型目录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Models in the catalog</source>
        <translation>模型目录中的模型</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+152"/>
        <source>Select a model to see its details.</source>
        <translation>选择一个模型以查看详细信息。</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Catalog</source>
        <translation>模型目录</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the selected model on the Results page</source>
        <translation>在“结果”页显示所选模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the selected model&apos;s file exactly as registered</source>
        <translation>按登记时的原样保存所选模型的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Register model files as new versions</source>
        <translation>将模型文件登记为新版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename the selected model (every version)</source>
        <translation>重命名所选模型（所有版本）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the tags of the selected versions</source>
        <translation>编辑所选版本的标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set &amp;Alias…</source>
        <translation>设置别名(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Point an alias such as @production at the selected version</source>
        <translation>让别名（如 @production）指向所选版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected versions from the catalog</source>
        <translation>从模型目录中删除所选版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read the catalog again</source>
        <translation>重新读取模型目录</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+14"/>
        <source>Catalog Error</source>
        <translation>模型目录错误</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+5"/>
        <source>The catalog could not be read.</source>
        <translation>无法读取模型目录。</translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n 个版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n version(s)</source>
        <translation>
            <numerusform>%n 个版本中的 %1 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n versions selected.</source>
        <translation>
            <numerusform>已选择 %n 个版本。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Export Model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ModelBench models (*.mbm)</source>
        <translation>ModelBench 模型 (*.mbm)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 could not be exported to %2.</source>
        <translation>无法将 %1 导出到 %2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Cannot Export Model</source>
        <translation>无法导出模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1 to %2.</source>
        <translation>已将 %1 导出到 %2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import Models</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ModelBench models (*.mbm);;All files (*)</source>
        <translation>ModelBench 模型 (*.mbm);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import Model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No model could be imported.</source>
        <translation>没有可导入的模型。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: larger than the catalog accepts</source>
        <translation>%1：超出模型目录允许的大小</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Imported %n model file(s).</source>
        <translation>
            <numerusform>已导入 %n 个模型文件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot Import Models</source>
        <translation>无法导入模型</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) could not be imported.</source>
        <translation>
            <numerusform>%n 个文件无法导入。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rename Model</source>
        <translation>重命名模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name for “%1” (all its versions):</source>
        <translation>“%1”的新名称（所有版本）：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” could not be renamed to “%2”.</source>
        <translation>无法将“%1”重命名为“%2”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot Rename Model</source>
        <translation>无法重命名模型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Renamed “%1” to “%2”.</source>
        <translation>已将“%1”重命名为“%2”。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit Tags</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags of %1, separated by commas:</source>
        <translation>%1 的标签，用英文逗号 (,) 分隔：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The tags could not be changed.</source>
        <translation>无法修改标签。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+13"/>
        <location line="+9"/>
        <source>Cannot Change Tags</source>
        <translation>无法修改标签</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tags of %1 set.</source>
        <translation>已设置 %1 的标签。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Set Alias</source>
        <translation>设置别名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias to point at %1 (moved here if it points elsewhere):</source>
        <translation>指向 %1 的别名（若已指向别处，将改指到这里）：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>@%1 could not be pointed at %2.</source>
        <translation>无法让 @%1 指向 %2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot Set Alias</source>
        <translation>无法设置别名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1@%2 now points at version %3.</source>
        <translation>%1@%2 现在指向版本 %3。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+30"/>
        <source>Delete Models</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Delete %1 from the catalog?</source>
        <translation>要从模型目录中删除 %1 吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model files are removed from the catalog; this cannot be undone. Export them first to keep a copy.</source>
        <translation>模型文件将从模型目录中删除，且无法撤销。如需保留副本，请先导出。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 could not be deleted.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Aliases point at %1.</source>
        <translation>有别名指向 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete it and remove those aliases?</source>
        <translation>要删除它并移除这些别名吗？</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot Delete Models</source>
        <translation>无法删除模型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted %1 and the aliases %2.</source>
        <translation>已删除 %1 及别名 %2。</translation>
    </message>
</context>
<context>
    <name>mb::CatalogTableModel</name>
    <message>
        <location filename="../../ui/catalog/catalog_table_model.cpp" line="+49"/>
        <source>Made %1 (UTC); registered %2 (UTC)</source>
        <translation>创建于 %1 (UTC)；登记于 %2 (UTC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 rows; training data fingerprint %2</source>
        <translation>%1 行；训练数据指纹 %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not measured</source>
        <translation>未评估</translation>
    </message>
</context>
<context>
    <name>mb::ClassMetricsModel</name>
    <message>
        <location filename="../../ui/results/class_metrics_model.cpp" line="+84"/>
        <source>Rows whose true class is this one</source>
        <translation>真实类别为该类的行数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This class against all others (one-vs-rest)</source>
        <translation>该类别对其余所有类别（一对其余）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F1</source>
        <translation>F1 值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Support (rows)</source>
        <translation>支持数（行）</translation>
    </message>
</context>
<context>
    <name>mb::ColumnChoiceDelegate</name>
    <message>
        <location filename="../../ui/batch/column_choice_delegate.cpp" line="+16"/>
        <source>Column to read this input from</source>
        <translation>读取该输入的列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(match by name)</source>
        <translation>（按名称匹配）</translation>
    </message>
</context>
<context>
    <name>mb::ColumnListModel</name>
    <message>
        <location filename="../../ui/data/column_list_model.cpp" line="+102"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distinct</source>
        <translation>不同值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>用途</translation>
    </message>
</context>
<context>
    <name>mb::ColumnSummaryWidget</name>
    <message>
        <location filename="../../ui/data/column_summary_widget.cpp" line="+69"/>
        <source>Select a column to see its summary.</source>
        <translation>选择一列以查看其概况。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing:</source>
        <translation>缺失：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distinct:</source>
        <translation>不同值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean:</source>
        <translation>均值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top levels:</source>
        <translation>最常见的取值：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chart of the column&apos;s values</source>
        <translation>该列取值的图表</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>, target</source>
        <translation>，目标</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>every value is missing</source>
        <translation>所有值均缺失</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and %1 more</source>
        <translation>… 另有 %1 个</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+37"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Histogram (a single value)</source>
        <translation>直方图（只有一个值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Histogram (%1 bins)</source>
        <translation>直方图（%1 个区间）</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Top %1 of %2 levels</source>
        <translation>%2 个取值中最常见的 %1 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows per level</source>
        <translation>各取值的行数</translation>
    </message>
</context>
<context>
    <name>mb::ConfusionMatrixView</name>
    <message>
        <location filename="../../ui/results/confusion_matrix_view.cpp" line="+37"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+74"/>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>No confusion matrix: the model was not validated.</source>
        <translation>没有混淆矩阵：模型未经验证。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>True %1, predicted %2: %3 rows (%4 of the true %1 rows)</source>
        <translation>真实 %1，预测 %2：%3 行（占真实 %1 行的 %4）</translation>
    </message>
</context>
<context>
    <name>mb::ContributionChart</name>
    <message>
        <location filename="../../ui/predict/contribution_chart.cpp" line="+26"/>
        <source>Contributions of the inputs</source>
        <translation>各输入的贡献</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>← %1</source>
        <translation>← %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 →</source>
        <translation>%1 →</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>positive for %1, negative for %2</source>
        <translation>正值支持 %1，负值支持 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>mb::CsvImportDialog</name>
    <message>
        <location filename="../../ui/data/csv_import_dialog.cpp" line="+49"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comma ( , )</source>
        <translation>逗号 ( , )</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semicolon ( ; )</source>
        <translation>分号 ( ; )</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipe ( | )</source>
        <translation>竖线 ( | )</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First row holds the column names</source>
        <translation>首行为列名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decimal comma (3,14)</source>
        <translation>小数点用逗号 (3,14)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fields equal to one of these (comma separated) are missing values. Empty fields are always missing.</source>
        <translation>等于其中任一值（用英文逗号分隔）的字段视为缺失值。空字段总是视为缺失。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Missing values:</source>
        <translation>缺失值(&amp;M)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read as</source>
        <translation>读取为</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Use as</source>
        <translation>用作</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Column types:</source>
        <translation>列类型：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Load</source>
        <translation>载入(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Preview: the first rows of the file (%1 rows × %2 columns).</source>
        <translation>预览：文件的前几行（%1 行 × %2 列）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file cannot be read with these settings: %1</source>
        <translation>按这些设置无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Chosen in &quot;Use as&quot;.</source>
        <translation>在“用作”中选择。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numeric</source>
        <translation>数值型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categorical</source>
        <translation>分类型</translation>
    </message>
</context>
<context>
    <name>mb::DataPage</name>
    <message>
        <location filename="../../ui/data/data_page.cpp" line="+77"/>
        <source>The column the classifiers learn to predict</source>
        <translation>分类器要学习预测的列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Target:</source>
        <translation>目标列(&amp;T)：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;No data yet&lt;/p&gt;&lt;p&gt;Open a CSV or ARFF file with &lt;b&gt;File ▸ Open Data…&lt;/b&gt; (Ctrl+O) or by dropping it on this window,&lt;br&gt;or try a built-in dataset from &lt;b&gt;File ▸ Open Sample&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;尚无数据&lt;/p&gt;&lt;p&gt;通过 &lt;b&gt;文件 ▸ 打开数据…&lt;/b&gt;（Ctrl+O）或将文件拖放到本窗口来打开 CSV 或 ARFF 文件，&lt;br&gt;也可以从 &lt;b&gt;文件 ▸ 打开示例&lt;/b&gt; 试用内置数据集。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Columns of the dataset</source>
        <translation>数据集的列</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Rows of the dataset</source>
        <translation>数据集的行</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Summary of the selected column</source>
        <translation>所选列的摘要</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot open “%1”: the file does not exist.</source>
        <translation>无法打开“%1”：文件不存在。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+4"/>
        <source>Loading %1…</source>
        <translation>正在载入 %1…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Loading cancelled.</source>
        <translation>已取消载入。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loaded %1: %2 rows, %3 columns.</source>
        <translation>已载入 %1：%2 行，%3 列。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot Open Data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data could not be loaded.</source>
        <translation>无法载入数据。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading failed.</source>
        <translation>载入失败。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>No dataset loaded.</source>
        <translation>尚未载入数据集。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 rows × %3 columns (%4 numeric, %5 categorical)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 行 × %3 列（%4 个数值型，%5 个分类型）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ %1 warnings: %2 …</source>
        <translation>⚠ %1 条警告：%2 …</translation>
    </message>
</context>
<context>
    <name>mb::DatasetRow</name>
    <message>
        <location filename="../../ui/predict/dataset_row.cpp" line="+41"/>
        <source>The data has no column “%1”: it is missing.</source>
        <translation>数据中没有“%1”列：按缺失处理。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” holds text where the model expects numbers: it is missing.</source>
        <translation>“%1”是文本，而模型需要数值：按缺失处理。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” is “%2”, a value not seen in training: it is missing.</source>
        <translation>“%1”为“%2”，训练中未出现过该值：按缺失处理。</translation>
    </message>
</context>
<context>
    <name>mb::DatasetTableModel</name>
    <message>
        <location filename="../../ui/data/dataset_table_model.cpp" line="+92"/>
        <source>Target (the class to predict)</source>
        <translation>目标（要预测的类别）</translation>
    </message>
</context>
<context>
    <name>mb::ExplanationView</name>
    <message>
        <location filename="../../ui/predict/explanation_view.cpp" line="+71"/>
        <source>Decision path</source>
        <translation>决策路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test</source>
        <translation>判断条件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows per class</source>
        <translation>各类别行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training rows that reached the node</source>
        <translation>到达该节点的训练行数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Contributions of the inputs, scrollable</source>
        <translation>各输入的贡献（可滚动）</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No model.</source>
        <translation>没有模型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No explanation for %1: the decision path is shown for a decision tree, and each input&apos;s contribution for logistic regression and naive Bayes. The what-if chart works for every learner.</source>
        <translation>%1 没有解释：决策树显示决策路径，逻辑回归和朴素贝叶斯显示各输入的贡献。假设分析图适用于所有学习器。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change an input to see why the model answers as it does.</source>
        <translation>修改某个输入，看看模型为何给出这样的结果。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+60"/>
        <source>missing: %1 used</source>
        <translation>缺失：改用 %1</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>missing: left out</source>
        <translation>缺失：略去</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Training rows of each class: %1</source>
        <translation>各类别的训练行数：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The tree is a single leaf: every row gets the same answer.</source>
        <translation>这棵树只有一个叶节点：每一行得到的结果都相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision path: the tests from the root to the leaf this row reaches. A &quot;yes&quot; goes left in the tree drawing, a &quot;no&quot; right.</source>
        <translation>决策路径：从根节点到该行所到达叶节点的各个判断条件。在树图中，“是”向左，“否”向右。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>yes when %1 is one of: %2</source>
        <translation>%1 为以下之一时为“是”：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in {%2}</source>
        <translation>%1 ∈ {%2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 &lt;= %2</source>
        <translation>%1 &lt;= %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes when %1 &lt;= %2</source>
        <translation>%1 &lt;= %2 时为“是”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Missing: the model used the most frequent training level instead</source>
        <translation>缺失：模型改用训练数据中最常见的取值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing: the model used the training median instead</source>
        <translation>缺失：模型改用训练数据的中位数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Leaf: %1</source>
        <translation>叶节点：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The leaf&apos;s probabilities, the ones above: %1.</source>
        <translation>叶节点的概率（即上方所示）：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This model file keeps no training rows per node.</source>
        <translation>此模型文件未保存各节点的训练行数。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Why %1 rather than %2: each input&apos;s part in the log-odds, its coefficient times its standardised value for %1 minus that for %2.</source>
        <translation>为何是 %1 而不是 %2：各输入在对数几率中的份额，即其系数乘以标准化后的值，%1 的减去 %2 的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why %1 rather than %2: each input&apos;s part in the log-odds, the log-likelihood of its value under %1 minus that under %2.</source>
        <translation>为何是 %1 而不是 %2：各输入在对数几率中的份额，即其取值在 %1 下的对数似然减去在 %2 下的对数似然。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its term in each class&apos;s score:</source>
        <translation>它在各类别得分中的项：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log p(value | class):</source>
        <translation>log p(取值 | 类别)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Intercepts: %1. In all: %2, the log-odds of %3 against %4.</source>
        <translation>截距：%1。合计：%2，即 %3 相对 %4 的对数几率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log priors: %1. In all: %2, the log-odds of %3 against %4.</source>
        <translation>对数先验：%1。合计：%2，即 %3 相对 %4 的对数几率。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scores (intercept plus every input&apos;s term): %1; their softmax is the probabilities above.</source>
        <translation>得分（截距加上各输入的项）：%1；经 softmax 变换即为上方的概率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scores (log prior plus every input&apos;s log-likelihood): %1; normalised, they are the probabilities above.</source>
        <translation>得分（对数先验加上各输入的对数似然）：%1；归一化后即为上方的概率。</translation>
    </message>
</context>
<context>
    <name>mb::FeatureField</name>
    <message>
        <location filename="../../ui/predict/feature_field.cpp" line="+91"/>
        <location line="+158"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>Training range %1, median %2</source>
        <translation>训练范围 %1，中位数 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is missing</source>
        <translation>%1 缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave %1 out: the model treats it as unknown, as it treats an empty cell in a file</source>
        <translation>略去 %1：模型将其视为未知，与文件中的空单元格相同</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Not a number yet: the prediction uses %1</source>
        <translation>还不是数值：预测暂用 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outside the training range %1: the model extrapolates here</source>
        <translation>超出训练范围 %1：模型在此处为外推</translation>
    </message>
</context>
<context>
    <name>mb::FeatureForm</name>
    <message>
        <location filename="../../ui/predict/feature_form.cpp" line="+28"/>
        <source>Input values</source>
        <translation>输入值</translation>
    </message>
</context>
<context>
    <name>mb::ImportanceChart</name>
    <message>
        <location filename="../../ui/results/importance_chart.cpp" line="+21"/>
        <location line="+3"/>
        <location line="+35"/>
        <source>Feature importances</source>
        <translation>特征重要性</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Feature importances (top %1 of %2)</source>
        <translation>特征重要性（%2 个中的前 %1 个）</translation>
    </message>
</context>
<context>
    <name>mb::Language</name>
    <message>
        <location filename="../../ui/language.cpp" line="+157"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the language of ModelBench&apos;s windows</source>
        <translation>选择 ModelBench 窗口的语言</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;System Language (%1)</source>
        <translation>系统语言(&amp;S)（%1）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Language: %1.</source>
        <translation>语言：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language: %1, from the next start of ModelBench.</source>
        <translation>语言：%1，下次启动 ModelBench 时生效。</translation>
    </message>
</context>
<context>
    <name>mb::LearnerInfo</name>
    <message>
        <location filename="core_strings.h" line="+14"/>
        <source>Decision tree</source>
        <translation>决策树</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CART tree, pruned by cross-validation: readable rules, fast to train and to apply.</source>
        <translation>CART 树，经交叉验证剪枝：规则易读，训练和预测都快。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Random forest</source>
        <translation>随机森林</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Many trees on bootstrap samples, voting: accurate with little tuning.</source>
        <translation>在自助采样上训练多棵树并投票：无需多少调参即可达到较高准确率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gradient boosting</source>
        <translation>梯度提升</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Histogram-based boosted trees (like LightGBM): often the most accurate on tables.</source>
        <translation>基于直方图的提升树（类似 LightGBM）：在表格数据上往往最准确。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Logistic regression</source>
        <translation>逻辑回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multinomial linear model on standardised features: probabilities you can explain.</source>
        <translation>基于标准化特征的多项线性模型：概率可以解释。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>k nearest neighbours</source>
        <translation>K 近邻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Votes of the k most similar training rows (standardised distance).</source>
        <translation>由最相似的 k 个训练行投票（标准化距离）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Naive Bayes</source>
        <translation>朴素贝叶斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian for numbers, categorical with smoothing for nominal features; skips missing values.</source>
        <translation>数值特征用高斯分布，名义特征用带平滑的类别分布；跳过缺失值。</translation>
    </message>
</context>
<context>
    <name>mb::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="+63"/>
        <source>ModelBench</source>
        <translation>ModelBench</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Results</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Predict</source>
        <translation>预测(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Batch</source>
        <translation>批量预测(&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Catalog</source>
        <translation>模型目录(&amp;C)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No catalog</source>
        <translation>无模型目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catalog in use</source>
        <translation>当前模型目录</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1. Details on the Results tab.</source>
        <translation>%1。详见“结果”标签页。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 — ModelBench</source>
        <translation>%1 — ModelBench</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Open Data…</source>
        <translation>打开数据(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a CSV or ARFF data file</source>
        <translation>打开 CSV 或 ARFF 数据文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save Model &amp;As…</source>
        <translation>模型另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the model on the Results page as a file</source>
        <translation>将“结果”页上的模型保存为文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Catalog…</source>
        <translation>打开模型目录(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use another model catalog: a file, or a team catalog on a PostgreSQL server</source>
        <translation>使用另一个模型目录：文件，或 PostgreSQL 服务器上的团队模型目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a ModelBench model file (.mbm)</source>
        <translation>打开 ModelBench 模型文件 (.mbm)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit ModelBench</source>
        <translation>退出 ModelBench</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About ModelBench</source>
        <translation>关于 ModelBench(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近文件(&amp;C)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Sample</source>
        <translation>打开示例(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a dataset that comes with ModelBench</source>
        <translation>打开 ModelBench 自带的数据集</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Recent Files</source>
        <translation>最近文件(&amp;R)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Sample</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open Data</source>
        <translation>打开数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data files (*.csv *.tsv *.txt *.arff);;CSV files (*.csv *.tsv *.txt);;ARFF files (*.arff);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.arff);;CSV 文件 (*.csv *.tsv *.txt);;ARFF 文件 (*.arff);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Catalog Password</source>
        <translation>模型目录密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That password was not accepted.</source>
        <translation>该密码未被接受。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The catalog server %1 asks for the password of user %2 (database %3).
ModelBench keeps it only until it quits.</source>
        <translation>模型目录服务器 %1 需要用户 %2 的密码（数据库 %3）。
ModelBench 只保存到退出为止。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ModelBench models (*.mbm);;All files (*)</source>
        <translation>ModelBench 模型 (*.mbm);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The model file %1 could not be opened.</source>
        <translation>无法打开模型文件 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened model %1.</source>
        <translation>已打开模型 %1。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 trained on %2</source>
        <translation>%1，训练数据 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 in the catalog</source>
        <translation>模型目录中的 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be opened from the catalog.</source>
        <translation>无法从模型目录打开 %1。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot Open Model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Catalog: %1 on %2</source>
        <translation>模型目录：%2 上的 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catalog: %1</source>
        <translation>模型目录：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Catalog %1: %n model version(s).</source>
        <translation>
            <numerusform>模型目录 %1：%n 个模型版本。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot Open Catalog</source>
        <translation>无法打开模型目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog could not be opened; the one in use is unchanged.</source>
        <translation>无法打开该模型目录；当前使用的模型目录不变。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>About ModelBench</source>
        <translation>关于 ModelBench</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h3&gt;ModelBench %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for classifiers: load a dataset, train and compare models, and use them to predict.&lt;/p&gt;&lt;p&gt;Version %1&lt;br&gt;Qt %2 (built with Qt %3)&lt;br&gt;Boost %4&lt;br&gt;Model file format version %5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ModelBench %1&lt;/h3&gt;&lt;p&gt;分类器桌面工作台：载入数据集，训练并比较模型，再用模型进行预测。&lt;/p&gt;&lt;p&gt;版本 %1&lt;br&gt;Qt %2（构建时为 Qt %3）&lt;br&gt;Boost %4&lt;br&gt;模型文件格式版本 %5&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Opening the first of %1 dropped model files.</source>
        <translation>拖入了 %1 个模型文件，打开第一个。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opening the first of %1 dropped files.</source>
        <translation>拖入了 %1 个文件，打开第一个。</translation>
    </message>
    <message>
        <location filename="core_strings.h" line="+144"/>
        <source>Fisher&apos;s iris flowers: 150 rows, 4 numeric features, 3 classes</source>
        <translation>费希尔鸢尾花：150 行，4 个数值特征，3 个类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wine recognition: 178 rows, 13 numeric features, 3 cultivars</source>
        <translation>葡萄酒识别：178 行，13 个数值特征，3 个品种</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breast cancer (Wisconsin): 569 rows, 30 features, 2 classes</source>
        <translation>乳腺癌（威斯康星）：569 行，30 个特征，2 个类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handwritten digits: 1,797 rows, 64 pixel features, 10 classes</source>
        <translation>手写数字：1,797 行，64 个像素特征，10 个类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Iris in Weka&apos;s ARFF format</source>
        <translation>Weka ARFF 格式的鸢尾花数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play tennis? 14 rows, all nominal (Weka)</source>
        <translation>打网球吗？14 行，全部为名义特征 (Weka)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play tennis? 14 rows, numeric and nominal (Weka)</source>
        <translation>打网球吗？14 行，数值与名义特征 (Weka)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pima Indians diabetes: 768 rows, 8 features, 2 classes</source>
        <translation>皮马印第安人糖尿病：768 行，8 个特征，2 个类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact lenses: 24 rows, nominal, 3 classes</source>
        <translation>隐形眼镜：24 行，名义特征，3 个类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glass identification: 214 rows, 9 features, 6 classes</source>
        <translation>玻璃识别：214 行，9 个特征，6 个类别</translation>
    </message>
</context>
<context>
    <name>mb::MetricsTableModel</name>
    <message>
        <location filename="../../ui/results/metrics_table_model.cpp" line="+16"/>
        <source>, mean over folds</source>
        <translation>，各折平均</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macro (unweighted mean over classes)</source>
        <translation>宏平均（各类别的不加权平均）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weighted by class support</source>
        <translation>按类别支持数加权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>binary (positive: second class)</source>
        <translation>二分类（正类：第二个类别）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one-vs-rest, macro</source>
        <translation>一对其余，宏平均</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all rows (micro)</source>
        <translation>全部行（微平均）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of rows predicted right</source>
        <translation>预测正确的行所占比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balanced accuracy</source>
        <translation>平衡准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macro mean of recall</source>
        <translation>召回率的宏平均</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean recall over the classes present in the truth</source>
        <translation>真实值中出现的各类别召回率的平均</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>F1</source>
        <translation>F1 值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mean over rows</source>
        <translation>各行平均</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower is better; probabilities clipped to [1e-15, 1 - 1e-15]</source>
        <translation>越低越好；概率截断到 [1e-15, 1 - 1e-15]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area under the ROC curve; 0.5 is chance</source>
        <translation>ROC 曲线下面积；0.5 相当于随机猜测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows evaluated</source>
        <translation>评估行数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>count, summed over folds</source>
        <translation>计数，各折之和</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Averaging</source>
        <translation>平均方式</translation>
    </message>
</context>
<context>
    <name>mb::OpenCatalogDialog</name>
    <message>
        <location filename="../../ui/catalog/open_catalog_dialog.cpp" line="+22"/>
        <location line="+56"/>
        <source>Open Catalog</source>
        <translation>打开模型目录</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>catalog.sqlite or postgresql://user@host:5432/database</source>
        <translation>catalog.sqlite 或 postgresql://user@host:5432/database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog location</source>
        <translation>模型目录位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse for a catalog file</source>
        <translation>浏览模型目录文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A catalog file on this computer, or a team catalog on a PostgreSQL server. The server&apos;s password comes from PGPASSWORD or ~/.pgpass; if neither has it, ModelBench asks and keeps it only until it quits.</source>
        <translation>本机上的模型目录文件，或 PostgreSQL 服务器上的团队模型目录。服务器密码取自 PGPASSWORD 或 ~/.pgpass；两者都没有时，ModelBench 会询问，并只保存到退出为止。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Location:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Model catalogs (*.sqlite *.db);;All files (*)</source>
        <translation>模型目录 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>mb::ParamEditor</name>
    <message>
        <location filename="../../ui/train/param_editor.cpp" line="+85"/>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (%2)&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Default: %4.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;（%2）&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;默认值：%4。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: number or word</source>
        <translation>%1：数值或关键字</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>%1 must be %2.</source>
        <translation>%1 必须是%2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an integer from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number from %1 to %2</source>
        <translation>%1 到 %2 之间的数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or &apos;%1&apos;</source>
        <translation>或“%1”</translation>
    </message>
</context>
<context>
    <name>mb::ParamForm</name>
    <message>
        <location filename="../../ui/train/param_form.cpp" line="+27"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>mb::ParamSpec</name>
    <message>
        <location filename="core_strings.h" line="-150"/>
        <source>Split criterion</source>
        <translation>分裂准则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the quality of a split is measured: Gini impurity, or entropy (information gain; log_loss is the same).</source>
        <translation>衡量分裂质量的方法：基尼不纯度，或熵（信息增益；log_loss 与之相同）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum depth</source>
        <translation>最大深度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The longest path from the root to a leaf; &apos;none&apos; grows until the leaves are pure or too small.</source>
        <translation>从根节点到叶节点的最长路径；“none”表示一直生长，直到叶节点纯净或过小。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minimum rows to split</source>
        <translation>分裂所需最少行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A node with fewer rows than this becomes a leaf.</source>
        <translation>行数少于此值的节点成为叶节点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum rows per leaf</source>
        <translation>叶节点最少行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A split is allowed only when both sides keep at least this many rows.</source>
        <translation>只有两侧都至少保留这么多行时才允许分裂。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Features per split</source>
        <translation>每次分裂的特征数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features drawn at random at each node: all (&apos;none&apos;), the square root or log2 of their number, a count (&gt;= 1) or a fraction (&lt; 1).</source>
        <translation>每个节点随机抽取的特征：全部（“none”）、特征数的平方根或 log2、一个个数（&gt;= 1）或一个比例（&lt; 1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class weights</source>
        <translation>类别权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;balanced&apos; weighs each class inversely to its frequency, so that rare classes count as much as common ones.</source>
        <translation>“balanced”按各类别频率的倒数加权，使稀有类别与常见类别同样重要。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pruning strength (ccp_alpha)</source>
        <translation>剪枝强度 (ccp_alpha)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimal cost-complexity pruning: splits that lower the weighted impurity by at most this much per leaf are removed. Used as given when prune is &apos;none&apos;.</source>
        <translation>最小代价复杂度剪枝：每个叶节点使加权不纯度降低不超过此值的分裂会被剪去。当 prune 为“none”时按给定值使用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pruning</source>
        <translation>剪枝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;cv&apos; chooses ccp_alpha by 5-fold cross-validation on the training rows (the largest alpha within one standard error of the best); &apos;none&apos; uses ccp_alpha as given.</source>
        <translation>“cv”在训练行上用 5 折交叉验证选择 ccp_alpha（取与最优值相差不超过一个标准误的最大 alpha）；“none”按给定值使用 ccp_alpha。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trees</source>
        <translation>树的数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of trees; more trees vote more smoothly but take longer to train and apply.</source>
        <translation>树的数量；树越多投票越平稳，但训练和预测耗时越长。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The longest path from the root to a leaf; &apos;none&apos; grows every tree until its leaves are pure or too small.</source>
        <translation>从根节点到叶节点的最长路径；“none”表示每棵树一直生长，直到叶节点纯净或过小。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Features drawn at random at each node: the square root or log2 of their number, all (&apos;none&apos;), a count (&gt;= 1) or a fraction (&lt; 1). Fewer make the trees more different.</source>
        <translation>每个节点随机抽取的特征：特征数的平方根或 log2、全部（“none”）、一个个数（&gt;= 1）或一个比例（&lt; 1）。特征越少，各树差异越大。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bootstrap samples</source>
        <translation>自助采样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grow each tree on a sample of the rows drawn with replacement (and report the out-of-bag accuracy); false grows every tree on all rows.</source>
        <translation>每棵树在有放回抽取的行样本上生长（并报告袋外准确率）；false 表示每棵树都用全部行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;balanced&apos; weighs each class inversely to its frequency in the training rows, &apos;balanced_subsample&apos; in each tree&apos;s bootstrap sample.</source>
        <translation>“balanced”按各类别在训练行中频率的倒数加权，“balanced_subsample”按其在每棵树的自助样本中频率的倒数加权。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrinks each tree&apos;s contribution; smaller values need more iterations but generalise better.</source>
        <translation>缩小每棵树的贡献；值越小需要的迭代越多，但泛化更好。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boosting iterations (one tree per class each, one in all for two classes).</source>
        <translation>提升迭代次数（每次每个类别一棵树；两个类别时每次共一棵）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max leaves</source>
        <translation>最大叶节点数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaves per tree; trees grow best-first until they have this many. &apos;none&apos; for no limit.</source>
        <translation>每棵树的叶节点数；树按最优优先生长，直到达到此数。“none”表示不限。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max depth</source>
        <translation>最大深度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edges from the root to the deepest leaf; &apos;none&apos; leaves depth to the leaf budget.</source>
        <translation>从根节点到最深叶节点的边数；“none”表示深度由叶节点数上限决定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Min samples per leaf</source>
        <translation>叶节点最少样本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A split must leave at least this many training rows on each side.</source>
        <translation>分裂后每一侧至少要有这么多训练行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L2 regularisation</source>
        <translation>L2 正则化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to each leaf&apos;s hessian sum: larger values shrink leaf outputs towards zero.</source>
        <translation>加到每个叶节点的海森（二阶导数）之和上：值越大，叶节点输出越向零收缩。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max bins</source>
        <translation>最大分箱数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bins per numeric feature; split thresholds are searched between bins.</source>
        <translation>每个数值特征的分箱数；在分箱之间搜索分裂阈值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop when the validation loss stops improving; &apos;auto&apos; turns it on above 10,000 rows.</source>
        <translation>验证损失不再改善时停止；“auto”在超过 10,000 行时开启。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation fraction</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the training rows held out (stratified) to score early stopping.</source>
        <translation>留出（分层抽样）用于提前停止评估的训练行比例。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping ends after this many iterations without improving the validation loss by tol.</source>
        <translation>连续这么多次迭代验证损失的改善都不到 tol 时，提前停止。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The least improvement of the validation loss that counts, for early stopping.</source>
        <translation>提前停止时，验证损失的改善至少达到此值才算数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inverse regularisation (C)</source>
        <translation>正则化强度倒数 (C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inverse strength of the L2 penalty: smaller values shrink the coefficients more and give smoother probabilities.</source>
        <translation>L2 惩罚强度的倒数：值越小，系数收缩越多，概率越平滑。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Solver</source>
        <translation>求解器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lbfgs: limited-memory BFGS (fast, the default); newton: Newton-CG, Newton steps solved by conjugate gradients on Hessian-vector products.</source>
        <translation>lbfgs：有限内存 BFGS（快，默认）；newton：Newton-CG，用基于海森矩阵-向量积的共轭梯度法求解牛顿步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum iterations</source>
        <translation>最大迭代次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper bound on solver iterations; training stops earlier once the gradient is below tol.</source>
        <translation>求解器迭代次数上限；梯度低于 tol 时提前结束训练。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training stops when no component of the gradient of the mean penalised log loss exceeds this.</source>
        <translation>当平均惩罚对数损失的梯度各分量均不超过此值时，训练停止。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Neighbours (k)</source>
        <translation>近邻数 (k)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many nearest training rows vote on a prediction.</source>
        <translation>对一次预测投票的最近训练行数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vote weights</source>
        <translation>投票权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uniform: every neighbour counts the same; distance: neighbours count by the inverse of their distance (an exact match takes all the weight).</source>
        <translation>uniform：每个近邻权重相同；distance：近邻按距离的倒数加权（完全相同的行获得全部权重）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search</source>
        <translation>搜索方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How neighbours are found; every choice gives the same neighbours. auto uses a k-d tree up to 6 encoded columns and a blocked brute force above.</source>
        <translation>查找近邻的方法；各选项找到的近邻相同。auto 在编码后不超过 6 列时使用 k-d 树，超过时使用分块暴力搜索。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Variance smoothing</source>
        <translation>方差平滑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the largest feature variance added to every Gaussian&apos;s variance, for numerical stability (as scikit-learn&apos;s GaussianNB).</source>
        <translation>为数值稳定，将最大特征方差的一定比例加到每个高斯分布的方差上（与 scikit-learn 的 GaussianNB 相同）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smoothing (alpha)</source>
        <translation>平滑系数 (alpha)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Additive (Laplace) smoothing of the level counts of categorical features; 1 adds one pseudo-row per level and class.</source>
        <translation>对分类型特征各取值计数的加法（拉普拉斯）平滑；1 表示每个取值和类别各加一个伪行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Precision floor</source>
        <translation>精度下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep every Gaussian&apos;s standard deviation at least a sixth of the feature&apos;s precision (mean gap between its distinct values), as Weka&apos;s NaiveBayes does, so that a feature constant within a class cannot veto that class. false: exactly scikit-learn&apos;s GaussianNB.</source>
        <translation>让每个高斯分布的标准差至少为该特征精度（其不同取值间的平均间隔）的六分之一，与 Weka 的 NaiveBayes 相同，这样在某类别内取常数的特征不会否决该类别。false：与 scikit-learn 的 GaussianNB 完全一致。</translation>
    </message>
</context>
<context>
    <name>mb::PredictPage</name>
    <message>
        <location filename="../../ui/predict/predict_page.cpp" line="+77"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No model yet. Train one on the Train page, or open a model file with File &gt; Open Model…; a form for its inputs appears here.</source>
        <translation>还没有模型。请在“训练”页训练一个，或通过“文件 &gt; 打开模型…”打开模型文件；其输入表单会显示在这里。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reset to &amp;Medians</source>
        <translation>重置为中位数(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every number at its training median, every category at its most frequent training level</source>
        <translation>每个数值设为训练中位数，每个类别设为训练中最常见的取值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Row to fill from</source>
        <translation>用于填充的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Row:</source>
        <translation>行(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fill from Row</source>
        <translation>从行填充(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy a row of the loaded dataset into the form, columns matched by name</source>
        <translation>将已载入数据集的一行复制到表单中，按列名匹配</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Saved scenarios</source>
        <translation>已保存的情景</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;cenario:</source>
        <translation>情景(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save Scenario…</source>
        <translation>保存情景(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the inputs on show under a name, for this model</source>
        <translation>以一个名称保存当前显示的输入，供此模型使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the chosen scenario</source>
        <translation>删除所选情景</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Feature to vary</source>
        <translation>要变化的特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What if this feature varies:</source>
        <translation>假设此特征变化(&amp;W)：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>W&amp;hy</source>
        <translation>原因(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What &amp;If</source>
        <translation>假设分析(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the model gives this answer: a tree&apos;s decision path, or each input&apos;s contribution</source>
        <translation>模型为何给出这个结果：树的决策路径，或各输入的贡献</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the probabilities change as one input varies</source>
        <translation>某个输入变化时概率如何变化</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Predict with %1</source>
        <translation>使用%1预测</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Opened from %1.</source>
        <translation>打开自 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trained on %1.</source>
        <translation>训练数据：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs: %1; target %2 with %3 classes.</source>
        <translation>输入：%1；目标 %2，共 %3 个类别。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every change predicts at once; a number outside the training range is flagged.</source>
        <translation>每次修改都会立即预测；超出训练范围的数值会被标出。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The model knows a single class.</source>
        <translation>模型只知道一个类别。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Margin %1 percentage points over %2 (%3 % against %4 %).</source>
        <translation>领先 %2 %1 个百分点（%3 % 对 %4 %）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Copy a row of %1 into the form, columns matched by name</source>
        <translation>将 %1 的一行复制到表单中，按列名匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load a dataset on the Data page to fill the form from one of its rows</source>
        <translation>在“数据”页载入数据集后，可用其中一行填充表单</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Filled from row %1 of %2.</source>
        <translation>已用 %2 的第 %1 行填充。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Its class in the data: %1.</source>
        <translation>它在数据中的类别：%1。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Scenario “%1” saved.</source>
        <translation>情景“%1”已保存。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Save Scenario</source>
        <translation>保存情景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name for the inputs on show (a scenario of the same name is replaced):</source>
        <translation>当前输入的名称（同名情景将被替换）：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scenario “%1” deleted.</source>
        <translation>情景“%1”已删除。</translation>
    </message>
</context>
<context>
    <name>mb::PreflightTableModel</name>
    <message>
        <location filename="../../ui/batch/preflight_table_model.cpp" line="+38"/>
        <source>No column of this name: choose one</source>
        <translation>没有此名称的列：请选择一列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holds text; the model was trained on numbers</source>
        <translation>含有文本；模型是用数值训练的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chosen by hand</source>
        <translation>手动选择</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Matched by name, in another place</source>
        <translation>按名称匹配，位置不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matched by name</source>
        <translation>按名称匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unseen categories</source>
        <translation>未见类别值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>values outside the training range</source>
        <translation>超出训练范围的值</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Categorical</source>
        <translation>分类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Numeric</source>
        <translation>数值型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>For example: %1</source>
        <translation>例如：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 below the training minimum, %2 above the maximum</source>
        <translation>%1 个低于训练最小值，%2 个高于最大值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click to read this input from another column</source>
        <translation>双击以从另一列读取此输入</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Model input</source>
        <translation>模型输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read from column</source>
        <translation>读取自列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unseen categories</source>
        <translation>未见类别值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of range</source>
        <translation>超出范围</translation>
    </message>
</context>
<context>
    <name>mb::ProbabilityBars</name>
    <message>
        <location filename="../../ui/predict/probability_bars.cpp" line="+24"/>
        <source>Class probabilities</source>
        <translation>类别概率</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>mb::ResultListModel</name>
    <message>
        <location filename="../../ui/train/result_list_model.cpp" line="+64"/>
        <source>accuracy %1</source>
        <translation>准确率 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not validated</source>
        <translation>未验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
</context>
<context>
    <name>mb::ResultsPage</name>
    <message>
        <location filename="../../ui/results/number_text.cpp" line="+14"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/results/results_page.cpp" line="+104"/>
        <source>Save as &amp;File…</source>
        <translation>保存为文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the model as a file</source>
        <translation>将模型保存为文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the model to a ModelBench model file (.mbm)</source>
        <translation>将模型写入 ModelBench 模型文件 (.mbm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to &amp;Catalog…</source>
        <translation>保存到模型目录(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the model to the catalog</source>
        <translation>将模型保存到模型目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register the model as a new version in the catalog</source>
        <translation>在模型目录中将模型登记为新版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open in &amp;Predict</source>
        <translation>在预测页打开(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the model on the Predict page</source>
        <translation>在“预测”页打开模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the model about new cases, one at a time or a whole file</source>
        <translation>用模型预测新样本，可逐个预测，也可预测整个文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Result views</source>
        <translation>结果视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Metrics</source>
        <translation>评估指标(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;harts</source>
        <translation>图表(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model &amp;sheet</source>
        <translation>模型概要(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tr&amp;ee</source>
        <translation>决策树(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No model yet. Train one on the Train page, or open a model file with File &gt; Open Model…; it appears here.</source>
        <translation>还没有模型。请在“训练”页训练一个，或通过“文件 &gt; 打开模型…”打开模型文件；模型会显示在这里。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Metrics</source>
        <translation>评估指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metrics per class</source>
        <translation>各类别指标</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Per class (each class against all others)</source>
        <translation>各类别（每个类别对其余所有类别）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Each cell: rows of the true class (left) predicted as the class above, and their share of the true class. Darker = larger share.</source>
        <translation>每个单元格：真实类别（左侧）中被预测为上方类别的行数，及其占该真实类别的比例。颜色越深，比例越大。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out (-)</source>
        <translation>缩小 (-)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in (+)</source>
        <translation>放大 (+)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole tree (0)</source>
        <translation>显示整棵树 (0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Each box: the split (yes goes left, no goes right), the training rows that reached it, how many of each class and the class it predicts. Drag to move; Ctrl+wheel, + and - zoom; 0 fits.</source>
        <translation>每个方框：分裂条件（“是”向左，“否”向右）、到达该节点的训练行数、各类别的行数及其预测的类别。拖动可移动；Ctrl+滚轮、+ 和 - 缩放；0 适应窗口。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Model sheet</source>
        <translation>模型概要</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the model sheet</source>
        <translation>复制模型概要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the whole model sheet to the clipboard</source>
        <translation>将整个模型概要复制到剪贴板</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Trained on %1 (target %2) at %3 in %4, seed %5.</source>
        <translation>于 %3 在 %1（目标 %2）上训练，耗时 %4，随机种子 %5。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not validated: trained on every row.</source>
        <translation>未验证：用全部行训练。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measured by %1 on %2 rows.</source>
        <translation>评估方式：%1，共 %2 行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 test rows were left out: their class is unknown to the model.</source>
        <translation>略去了 %1 个测试行：模型不认识它们的类别。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Opened from %1.</source>
        <translation>打开自 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trained on %1 (%2 rows), validation %3, seed %4.</source>
        <translation>在 %1（%2 行）上训练，验证方式 %3，随机种子 %4。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>Created %1.</source>
        <translation>创建于 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened from a file: not measured here, and the file stores no metrics.</source>
        <translation>从文件打开：未在此评估，文件中也没有保存评估指标。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opened from a file: not measured here. Metrics stored when the model was made: %1. The model sheet lists them too.</source>
        <translation>从文件打开：未在此评估。模型生成时保存的评估指标：%1。模型概要中也列出了这些指标。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Feature importances</source>
        <translation>特征重要性</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1-fold cross-validation: rates are means over the folds; counts and the confusion matrix are summed over them.</source>
        <translation>%1 折交叉验证：比率为各折平均值；计数和混淆矩阵为各折之和。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measured on %1 rows the model did not train on.</source>
        <translation>在模型未参与训练的 %1 行上评估。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not validated: there are no metrics. Choose holdout, cross-validation or a test file on the Train page.</source>
        <translation>未验证：没有评估指标。请在“训练”页选择留出法、交叉验证或测试文件。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 reports no feature importances of its own</source>
        <translation>%1 本身不提供特征重要性</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>share of split gain</source>
        <translation>分裂增益占比</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>share of impurity decrease</source>
        <translation>不纯度下降占比</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ModelBench model, binary (*.mbm)</source>
        <translation>ModelBench 模型，二进制 (*.mbm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ModelBench model, text (*.mbm)</source>
        <translation>ModelBench 模型，文本 (*.mbm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ModelBench model, XML (*.mbm)</source>
        <translation>ModelBench 模型，XML (*.mbm)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save Model as File</source>
        <translation>将模型保存为文件</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot Save Model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model could not be saved to %1.</source>
        <translation>无法将模型保存到 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model saved to %1 (%2).</source>
        <translation>模型已保存到 %1（%2）。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot Save to Catalog</source>
        <translation>无法保存到模型目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model could not be saved to the catalog as “%1”.</source>
        <translation>无法以“%1”为名将模型保存到模型目录。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Model sheet copied to the clipboard.</source>
        <translation>模型概要已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>mb::RocChart</name>
    <message>
        <location filename="../../ui/results/roc_chart.cpp" line="+20"/>
        <source>ROC curves</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <location line="+11"/>
        <source>ROC curves (one-vs-rest)</source>
        <translation>ROC 曲线（一对其余）</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No ROC curves: the model was not validated</source>
        <translation>没有 ROC 曲线：模型未经验证</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>False positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>True positive rate</source>
        <translation>真正例率</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>chance</source>
        <translation>随机猜测</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (AUC %2)</source>
        <translation>%1（AUC %2）</translation>
    </message>
</context>
<context>
    <name>mb::SaveToCatalogDialog</name>
    <message>
        <location filename="../../ui/results/save_to_catalog_dialog.cpp" line="+20"/>
        <source>Save to Catalog</source>
        <translation>保存到模型目录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. churn</source>
        <translation>例如 客户流失</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comma separated, e.g. baseline, q3</source>
        <translation>用英文逗号分隔，例如 baseline, q3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this model is for (Markdown)</source>
        <translation>此模型的用途（支持 Markdown）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save to the catalog</source>
        <translation>保存到模型目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A name is required.</source>
        <translation>必须填写名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name: %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tag “%1”: %2</source>
        <translation>标签“%1”：%2</translation>
    </message>
</context>
<context>
    <name>mb::ScoredTableModel</name>
    <message>
        <location filename="../../ui/batch/scored_table_model.cpp" line="+57"/>
        <source>Not scored: %1</source>
        <translation>未评分：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
</context>
<context>
    <name>mb::TrainPage</name>
    <message>
        <location filename="../../ui/train/train_page.cpp" line="+57"/>
        <source>Elapsed: %1:%2.%3</source>
        <translation>已用时间：%1:%2.%3</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&amp;Learner</source>
        <translation>学习器(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Learners</source>
        <translation>学习器</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Results of this session</source>
        <translation>本次会话的结果(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trained models</source>
        <translation>已训练的模型</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Parameters</source>
        <translation>参数(&amp;P)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reset to &amp;Defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset parameters to defaults</source>
        <translation>将参数恢复为默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every parameter&apos;s default value again.</source>
        <translation>重新显示每个参数的默认值。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Training &amp;log</source>
        <translation>训练日志(&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training log</source>
        <translation>训练日志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each training run is logged here: its learner, data, validation, measured numbers and parameters.</source>
        <translation>每次训练都记录在这里：学习器、数据、验证方式、评估结果和参数。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel training</source>
        <translation>取消训练</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training progress</source>
        <translation>训练进度</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No dataset: open one on the Data page.</source>
        <translation>没有数据集：请在“数据”页打开一个。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(last column)</source>
        <translation>（最后一列）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data: &lt;b&gt;%1&lt;/b&gt;, %2 rows; target &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>数据：&lt;b&gt;%1&lt;/b&gt;，%2 行；目标 &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open a dataset on the Data page first.</source>
        <translation>请先在“数据”页打开数据集。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dataset needs rows, a target and at least one other column.</source>
        <translation>数据集需要有数据行、一个目标列以及至少一个其他列。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a learner.</source>
        <translation>请选择学习器。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot train: %1</source>
        <translation>无法训练：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train the chosen learner (Ctrl+T)</source>
        <translation>训练所选学习器 (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Training %1…</source>
        <translation>正在训练%1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training started</source>
        <translation>训练已开始</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Training cancelled; no model was kept.</source>
        <translation>训练已取消，未保留模型。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
</context>
<context>
    <name>mb::TreeDiagramView</name>
    <message>
        <location filename="../../ui/results/tree_diagram_view.cpp" line="+70"/>
        <source>Decision tree drawing</source>
        <translation>决策树图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag to move the drawing; Ctrl+wheel or + and - zoom; 0 fits the whole tree</source>
        <translation>拖动可移动图形；Ctrl+滚轮或 + 和 - 缩放；0 显示整棵树</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>feature %1</source>
        <translation>特征 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 &lt;= %2</source>
        <translation>%1 &lt;= %2</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in {%2}</source>
        <translation>%1 ∈ {%2}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>class: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leaf: predicts %1</source>
        <translation>叶节点：预测为 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split: %1 (yes: left, no: right)</source>
        <translation>分裂：%1（是：左，否：右）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>samples: %1</source>
        <translation>样本数：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>per class: %1</source>
        <translation>各类别：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>weighted: %1</source>
        <translation>加权：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 training rows reached this node.</source>
        <translation>%1 个训练行到达此节点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 rows</source>
        <translation>%1：%2 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, weight %1</source>
        <translation>，权重 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>probability: %1</source>
        <translation>概率：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: probability %2</source>
        <translation>%1：概率 %2</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This model was saved before ModelBench kept training counts in its trees: the drawing shows the splits and what each leaf predicts, not how many rows reached each node.</source>
        <translation>此模型保存于 ModelBench 在树中记录训练计数之前：图中显示分裂条件和每个叶节点的预测，但不显示到达各节点的行数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bars: what each leaf predicts.</source>
        <translation>条形：每个叶节点的预测。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bars and classes: weighted rows (class weights or row weights).</source>
        <translation>条形和类别：加权行数（类别权重或行权重）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bars: the classes of the rows at each node.</source>
        <translation>条形：各节点上行的类别分布。</translation>
    </message>
</context>
<context>
    <name>mb::ValidationBox</name>
    <message>
        <location filename="../../ui/train/validation_box.cpp" line="+36"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Holdout, test share:</source>
        <translation>留出法(&amp;H)，测试集比例：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train on the other rows, measure on a random share kept apart.</source>
        <translation>用其余行训练，在随机留出的部分上评估。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holdout test share in percent</source>
        <translation>留出法测试集比例（百分比）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cross-validation, folds:</source>
        <translation>交叉验证(&amp;C)，折数：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measure on each of k folds in turn, then train the kept model on every row.</source>
        <translation>依次在 k 折中的每一折上评估，再用全部行训练最终保留的模型。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number of cross-validation folds</source>
        <translation>交叉验证折数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test file:</source>
        <translation>测试文件(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train on every row, measure on another file with the same columns.</source>
        <translation>用全部行训练，在另一个列相同的文件上评估。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV or ARFF file</source>
        <translation>CSV 或 ARFF 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test file path</source>
        <translation>测试文件路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose test file</source>
        <translation>选择测试文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;None (train on every row)</source>
        <translation>不验证(&amp;N)（用全部行训练）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep a model trained on every row without measuring it.</source>
        <translation>保留用全部行训练的模型，不做评估。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same seed and data give the same split and the same model.</source>
        <translation>相同的种子和数据会得到相同的划分和相同的模型。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Choose a test file, or another kind of validation.</source>
        <translation>请选择测试文件，或改用其他验证方式。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The test file %1 does not exist.</source>
        <translation>测试文件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose Test File</source>
        <translation>选择测试文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data files (*.csv *.tsv *.txt *.arff);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.arff);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>mb::ValueFormat</name>
    <message>
        <location filename="../../ui/data/value_format.cpp" line="+29"/>
        <location line="+7"/>
        <source>Numeric</source>
        <translation>数值型</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Categorical</source>
        <translation>分类型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Categorical (1 level)</source>
        <translation>分类型（1 个取值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categorical (%1 levels)</source>
        <translation>分类型（%1 个取值）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignored</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>numeric: no values, all %1 missing</source>
        <translation>数值型：没有数值，%1 个全部缺失</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>numeric: 1 value</source>
        <translation>数值型：1 个数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>numeric: %1 values</source>
        <translation>数值型：%1 个数值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 missing</source>
        <translation>，%1 个缺失</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>categorical: 1 non-numeric value, first %1 at line %2</source>
        <translation>分类型：1 个非数值，第一个是第 %2 行的 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>categorical: %1 non-numeric values, first %2 at line %3</source>
        <translation>分类型：%1 个非数值，第一个是第 %3 行的 %2</translation>
    </message>
</context>
<context>
    <name>mb::WhatIfChart</name>
    <message>
        <location filename="../../ui/predict/what_if_chart.cpp" line="+52"/>
        <source>What-if chart</source>
        <translation>假设分析图</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+42"/>
        <source>Pick a feature to see the probabilities change with it</source>
        <translation>选择一个特征，查看概率如何随之变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 had a single value in training: there is nothing to vary</source>
        <translation>%1 在训练中只有一个值：无从变化</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Probabilities as %1 varies, the other inputs as in the form</source>
        <translation>%1 变化时的概率，其他输入保持表单中的值</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (training range)</source>
        <translation>%1（训练范围）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+41"/>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>current value</source>
        <translation>当前值</translation>
    </message>
</context>
</TS>
