// SPDX-License-Identifier: MIT
#include "ui/train/train_page.h"

#include "core/data/dataset.h"
#include "core/ml/learner_registry.h"
#include "ui/train/param_form.h"
#include "ui/train/result_list_model.h"
#include "ui/train/result_text.h"
#include "ui/train/validation_box.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace mb {

namespace {

const QString kLearnerKey = QStringLiteral("Train/learner");
const QString kParamsGroup = QStringLiteral("Train/params/");

constexpr int kProgressSteps = 1000;
constexpr int kElapsedRefreshMs = 100;
constexpr int kKeyRole = Qt::UserRole;
constexpr int kMaxFormHeight = 420;

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString learnerDescription(const LearnerInfo &info)
{
    const QByteArray text(info.description.data(), qsizetype(info.description.size()));
    return QCoreApplication::translate("mb::LearnerInfo", text.constData());
}

QString elapsedText(qint64 ms)
{
    const qint64 tenths = ms / 100;
    return TrainPage::tr("Elapsed: %1:%2.%3")
            .arg(tenths / 600)
            .arg((tenths / 10) % 60, 2, 10, QLatin1Char('0'))
            .arg(tenths % 10);
}

// The parameters last used with a learner, kept per learner key.
ParamValues rememberedParams(const QString &key)
{
    ParamValues values;
    const QVariantMap stored = QSettings().value(kParamsGroup + key).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        values.emplace(it.key().toStdString(), it.value().toString().toStdString());
    return values;
}

void rememberParams(const QString &key, const ParamValues &values)
{
    QVariantMap stored;
    for (const auto &[name, value] : values)
        stored.insert(QString::fromStdString(name), QString::fromStdString(value));
    QSettings().setValue(kParamsGroup + key, stored);
}

} // namespace

TrainPage::TrainPage(QWidget *parent)
    : QWidget(parent)
    , m_job(new TrainJob(this))
    , m_results(new ResultListModel(this))
    , m_elapsedTimer(new QTimer(this))
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("trainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createLearnerColumn());
    splitter->addWidget(createSettingsColumn());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    // Wide enough for a learner's description in two or three lines and a result row.
    splitter->setSizes({360, 900});
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);

    m_elapsedTimer->setInterval(kElapsedRefreshMs);
    connect(m_elapsedTimer, &QTimer::timeout, this, &TrainPage::updateElapsed);
    connect(m_job, &TrainJob::progress, this,
            [this](double fraction) { m_progress->setValue(int(fraction * kProgressSteps)); });
    connect(m_job, &TrainJob::finished, this, &TrainPage::onTrainFinished);
    connect(m_form, &ParamForm::changed, this, &TrainPage::updateTrainEnabled);
    connect(m_validation, &ValidationBox::changed, this, &TrainPage::updateTrainEnabled);

    fillLearnerList();
    setRunning(false);
    updateDataLabel();
    updateTrainEnabled();
}

TrainPage::~TrainPage() = default;

QWidget *TrainPage::createLearnerColumn()
{
    auto *learnerBox = new QGroupBox(tr("&Learner"));
    m_learners = new QListWidget(learnerBox);
    m_learners->setObjectName(QStringLiteral("learnerList"));
    m_learners->setAccessibleName(tr("Learners"));
    m_learners->setWordWrap(true);
    m_learners->setSpacing(2);
    m_learners->setAlternatingRowColors(true);
    // Re-wraps the descriptions when the column is resized.
    m_learners->setResizeMode(QListView::Adjust);
    m_learners->setTextElideMode(Qt::ElideNone);
    (new QVBoxLayout(learnerBox))->addWidget(m_learners);

    auto *resultBox = new QGroupBox(tr("&Results of this session"));
    m_resultView = new QListView(resultBox);
    m_resultView->setObjectName(QStringLiteral("resultList"));
    m_resultView->setAccessibleName(tr("Trained models"));
    m_resultView->setModel(m_results);
    m_resultView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultView->setAlternatingRowColors(true);
    (new QVBoxLayout(resultBox))->addWidget(m_resultView);
    connect(m_resultView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onResultSelected(current.row()); });
    connect(m_resultView, &QListView::activated, this,
            [this](const QModelIndex &index) { onResultSelected(index.row()); });

    auto *column = new QSplitter(Qt::Vertical);
    column->setObjectName(QStringLiteral("learnerColumn"));
    column->setChildrenCollapsible(false);
    column->addWidget(learnerBox);
    column->addWidget(resultBox);
    column->setStretchFactor(0, 3);
    column->setStretchFactor(1, 2);
    return column;
}

QWidget *TrainPage::createSettingsColumn()
{
    auto *column = new QWidget;
    m_learnerTitle = new QLabel(column);
    m_learnerTitle->setObjectName(QStringLiteral("learnerTitle"));
    QFont titleFont = m_learnerTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_learnerTitle->setFont(titleFont);
    m_learnerDescription = new QLabel(column);
    m_learnerDescription->setObjectName(QStringLiteral("learnerDescription"));
    m_learnerDescription->setWordWrap(true);

    auto *paramBox = new QGroupBox(tr("&Parameters"), column);
    m_form = new ParamForm;
    m_form->setObjectName(QStringLiteral("paramForm"));
    m_paramScroll = new QScrollArea(paramBox);
    m_paramScroll->setObjectName(QStringLiteral("paramScroll"));
    m_paramScroll->setWidget(m_form);
    m_paramScroll->setWidgetResizable(true);
    m_paramScroll->setFrameShape(QFrame::NoFrame);
    m_resetButton = new QPushButton(tr("Reset to &Defaults"), paramBox);
    m_resetButton->setObjectName(QStringLiteral("resetParamsButton"));
    m_resetButton->setAccessibleName(tr("Reset parameters to defaults"));
    m_resetButton->setToolTip(tr("Show every parameter's default value again."));
    connect(m_resetButton, &QPushButton::clicked, m_form, &ParamForm::resetToDefaults);
    auto *paramLayout = new QVBoxLayout(paramBox);
    paramLayout->addWidget(m_paramScroll, 1);
    auto *resetRow = new QHBoxLayout;
    resetRow->addStretch(1);
    resetRow->addWidget(m_resetButton);
    paramLayout->addLayout(resetRow);

    m_validation = new ValidationBox(column);
    auto *side = new QVBoxLayout;
    side->addWidget(m_validation);
    side->addWidget(createRunBox());
    side->addStretch(1);

    auto *boxes = new QHBoxLayout;
    boxes->addWidget(paramBox, 3);
    boxes->addLayout(side, 2);

    // Like Weka's classifier output: every run, its numbers and its parameters, copyable.
    auto *logBox = new QGroupBox(tr("Training &log"), column);
    m_log = new QPlainTextEdit(logBox);
    m_log->setObjectName(QStringLiteral("trainLog"));
    m_log->setAccessibleName(tr("Training log"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_log->setPlaceholderText(tr("Each training run is logged here: its learner, data, "
                                 "validation, measured numbers and parameters."));
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_log->setFont(fixed);
    (new QVBoxLayout(logBox))->addWidget(m_log);

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_learnerTitle);
    layout->addWidget(m_learnerDescription);
    layout->addLayout(boxes);
    layout->addWidget(logBox, 1);
    return column;
}

QWidget *TrainPage::createRunBox()
{
    auto *box = new QGroupBox(tr("Run"));
    box->setObjectName(QStringLiteral("runBox"));
    m_dataLabel = new QLabel(box);
    m_dataLabel->setObjectName(QStringLiteral("trainDataLabel"));
    m_dataLabel->setWordWrap(true);

    m_trainButton = new QPushButton(tr("&Train"), box);
    m_trainButton->setObjectName(QStringLiteral("trainButton"));
    m_trainButton->setAccessibleName(tr("Train"));
    m_trainButton->setDefault(true);
    m_trainButton->setShortcut(QKeySequence(tr("Ctrl+T")));
    connect(m_trainButton, &QPushButton::clicked, this, &TrainPage::train);
    m_cancelButton = new QPushButton(tr("Cancel"), box);
    m_cancelButton->setObjectName(QStringLiteral("cancelTrainButton"));
    m_cancelButton->setAccessibleName(tr("Cancel training"));
    connect(m_cancelButton, &QPushButton::clicked, this, &TrainPage::cancel);

    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("trainProgress"));
    m_progress->setAccessibleName(tr("Training progress"));
    m_progress->setRange(0, kProgressSteps);
    m_elapsedLabel = new QLabel(box);
    m_elapsedLabel->setObjectName(QStringLiteral("elapsedLabel"));

    m_blockerLabel = new QLabel(box);
    m_blockerLabel->setObjectName(QStringLiteral("trainBlocker"));
    m_blockerLabel->setWordWrap(true);
    m_blockerLabel->setStyleSheet(QStringLiteral("color: #a05a00;"));
    m_outcomeLabel = new QLabel(box);
    m_outcomeLabel->setObjectName(QStringLiteral("trainOutcome"));
    m_outcomeLabel->setWordWrap(true);
    m_outcomeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_trainButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_elapsedLabel);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_dataLabel);
    layout->addLayout(buttons);
    layout->addLayout(progressRow);
    layout->addWidget(m_blockerLabel);
    layout->addWidget(m_outcomeLabel);
    return box;
}

void TrainPage::fillLearnerList()
{
    for (const LearnerInfo &info : learners()) {
        const QString key = fromView(info.key);
        const QString name = learnerDisplayName(info.key);
        auto *item = new QListWidgetItem(tr("%1\n%2").arg(name, learnerDescription(info)), m_learners);
        item->setData(kKeyRole, key);
        item->setData(Qt::AccessibleTextRole, name);
        item->setToolTip(learnerDescription(info));
    }
    connect(m_learners, &QListWidget::currentRowChanged, this, &TrainPage::onLearnerChanged);
    const QString remembered = QSettings().value(kLearnerKey).toString();
    setCurrentLearner(findLearner(remembered.toStdString()) ? remembered : fromView(learners()[0].key));
}

QString TrainPage::currentLearner() const
{
    const QListWidgetItem *item = m_learners->currentItem();
    return item ? item->data(kKeyRole).toString() : QString();
}

void TrainPage::setCurrentLearner(const QString &key)
{
    for (int row = 0; row < m_learners->count(); ++row) {
        if (m_learners->item(row)->data(kKeyRole).toString() == key) {
            m_learners->setCurrentRow(row);
            return;
        }
    }
}

void TrainPage::onLearnerChanged()
{
    const QString key = currentLearner();
    const LearnerInfo *info = findLearner(key.toStdString());
    if (!info)
        return;
    m_learnerTitle->setText(learnerDisplayName(info->key));
    m_learnerDescription->setText(learnerDescription(*info));
    m_form->setSpecs(info->params());
    m_form->setValues(rememberedParams(key));
    // The whole form shows without scrolling when the window allows; the log takes the rest.
    // Polished first: the style decides the height of spin and combo boxes.
    m_form->ensurePolished();
    const int margin = 2 * m_paramScroll->frameWidth() + 4;
    m_paramScroll->setMinimumHeight(qMin(m_form->sizeHint().height() + margin, kMaxFormHeight));
    QSettings().setValue(kLearnerKey, key);
    updateTrainEnabled();
}

void TrainPage::setDataset(std::shared_ptr<const Dataset> data)
{
    m_data = data;
    updateDataLabel();
    updateTrainEnabled();
}

void TrainPage::updateDataLabel()
{
    const auto data = m_data.lock();
    if (!data) {
        m_dataLabel->setText(tr("No dataset: open one on the Data page."));
        return;
    }
    const auto target = data->targetIndex();
    const QString targetName = target ? QString::fromStdString(data->column(*target).name())
                                      : tr("(last column)");
    m_dataLabel->setText(tr("Data: <b>%1</b>, %2 rows; target <b>%3</b>")
                                 .arg(QString::fromStdString(data->name()).toHtmlEscaped(),
                                      QLocale().toString(qulonglong(data->rowCount())),
                                      targetName.toHtmlEscaped()));
}

QString TrainPage::trainBlocker() const
{
    if (isTraining())
        return {};
    const auto data = m_data.lock();
    if (!data)
        return tr("Open a dataset on the Data page first.");
    if (data->columnCount() < 2 || data->rowCount() == 0)
        return tr("The dataset needs rows, a target and at least one other column.");
    if (currentLearner().isEmpty())
        return tr("Choose a learner.");
    if (const QString problem = m_form->problem(); !problem.isEmpty())
        return problem;
    return m_validation->problem();
}

void TrainPage::updateTrainEnabled()
{
    const QString blocker = trainBlocker();
    m_trainButton->setEnabled(!isTraining() && blocker.isEmpty());
    m_blockerLabel->setText(blocker.isEmpty() ? QString() : tr("Cannot train: %1").arg(blocker));
    m_blockerLabel->setVisible(!blocker.isEmpty());
    m_trainButton->setToolTip(blocker.isEmpty() ? tr("Train the chosen learner (Ctrl+T)") : blocker);
    m_resetButton->setEnabled(!m_form->isAtDefaults());
}

bool TrainPage::isTraining() const
{
    return m_job->isRunning();
}

void TrainPage::train()
{
    if (isTraining() || !trainBlocker().isEmpty())
        return;
    TrainParams params;
    // Shared, not copied (a copy of a million rows would stall the window): the Data page
    // copies its dataset before it changes the target while a job holds it.
    params.data = m_data.lock();
    params.algo = currentLearner().toStdString();
    params.params = m_form->values();
    params.scheme = m_validation->scheme();
    params.testPath = m_validation->testPath();
    params.seed = m_validation->seed();
    rememberParams(currentLearner(), params.params);
    m_validation->saveSettings();

    m_job->start(std::move(params));
    m_elapsed.start();
    setRunning(true);
    showOutcome(tr("Training %1…").arg(learnerDisplayName(currentLearner().toStdString())), false);
    Q_EMIT statusMessage(tr("Training started"));
}

void TrainPage::cancel()
{
    if (!isTraining())
        return;
    m_job->cancel();
    m_cancelButton->setEnabled(false);
    showOutcome(tr("Cancelling…"), false);
}

void TrainPage::setRunning(bool running)
{
    m_cancelButton->setEnabled(running);
    m_progress->setValue(0);
    m_progress->setVisible(running);
    m_elapsedLabel->setVisible(running);
    if (running) {
        updateElapsed();
        m_elapsedTimer->start();
    } else {
        m_elapsedTimer->stop();
    }
    updateTrainEnabled();
}

void TrainPage::updateElapsed()
{
    m_elapsedLabel->setText(elapsedText(m_elapsed.isValid() ? m_elapsed.elapsed() : 0));
}

void TrainPage::onTrainFinished()
{
    Expected<TrainResult> outcome = m_job->takeResult();
    setRunning(false);
    Q_EMIT trainingFinished();
    if (!outcome) {
        const bool cancelled = outcome.error().code == ErrorCode::Cancelled;
        const QString message = cancelled ? tr("Training cancelled; no model was kept.")
                                          : tr("Training failed: %1")
                                                    .arg(QString::fromStdString(outcome.error().describe()));
        showOutcome(message, !cancelled);
        Q_EMIT statusMessage(message);
        m_log->appendPlainText(QStringLiteral("%1  %2\n").arg(
                QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss")), message));
        return;
    }
    auto result = std::make_shared<const TrainResult>(std::move(*outcome));
    const QString message = resultSummary(*result);
    showOutcome(message, false);
    Q_EMIT statusMessage(message);
    m_log->appendPlainText(resultLogEntry(*result) + QLatin1Char('\n'));

    const int row = m_results->append(result);
    Q_EMIT resultAdded(result);
    // Selecting the new row announces it through resultActivated().
    m_resultView->setCurrentIndex(m_results->index(row));
}

void TrainPage::onResultSelected(int row)
{
    if (auto result = m_results->result(row))
        Q_EMIT resultActivated(result);
}

void TrainPage::showOutcome(const QString &text, bool isError)
{
    m_outcomeLabel->setText(text);
    m_outcomeLabel->setStyleSheet(isError ? QStringLiteral("color: #b00020;") : QString());
}

} // namespace mb
