// SPDX-License-Identifier: MIT
#include "ui/predict/feature_field.h"

#include "ui/predict/input_number.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleValidator>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>

#include <cmath>
#include <limits>

namespace mb {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// Wide enough for "-0.000123456" and most medians, narrow enough for two columns of fields.
constexpr int kEditorChars = 12;

// A value set by the program (a median, a row, a scenario) is shown exactly when that is short
// and rounded to six digits when not (a median such as 0.2471022834272826); the field keeps
// the exact value until the user types another.
QString shownText(double value, const QLocale &locale)
{
    const QString exact = inputNumberText(value, locale);
    return exact.size() <= kEditorChars ? exact : compactNumberText(value, locale);
}

/// Numbers in the field's locale. Where the decimal sign is not a dot (German: ","), a typed
/// dot becomes that sign: group separators are never accepted, so a dot can mean nothing else,
/// and dropping it would turn "5.1" into 51.
class InputNumberValidator : public QDoubleValidator
{
public:
    InputNumberValidator(const QLocale &locale, QObject *parent)
        : QDoubleValidator(parent)
    {
        setNotation(QDoubleValidator::ScientificNotation);
        setLocale(inputLocale(locale));
    }

    State validate(QString &input, int &pos) const override
    {
        const QString decimal = locale().decimalPoint();
        if (decimal != QLatin1String("."))
            input.replace(QLatin1Char('.'), decimal);
        return QDoubleValidator::validate(input, pos);
    }
};

} // namespace

FeatureField::FeatureField(const FeatureSchema &feature, QWidget *parent)
    : QWidget(parent)
    , m_feature(feature)
{
    setObjectName(QStringLiteral("field_%1").arg(name()));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    if (m_feature.categorical)
        buildLevels();
    else
        buildNumber();
    editor()->setAccessibleName(name());
    const int editorWidth = fontMetrics().horizontalAdvance(QLatin1Char('0')) * kEditorChars + 16;
    editor()->setFixedWidth(editorWidth);

    m_flag = new QLabel(this);
    m_flag->setObjectName(QStringLiteral("flag_%1").arg(name()));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_flag->setPixmap(style()
                          ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                          .pixmap(iconSize, iconSize));
    m_flag->setFixedSize(iconSize, iconSize);
    // The icon keeps its place when hidden, so fields do not shift while a value is typed.
    QSizePolicy keep = m_flag->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_flag->setSizePolicy(keep);
    m_flag->hide();

    m_hint = new QLabel(this);
    if (!m_feature.categorical)
        m_hint->setText(tr("%1 – %2").arg(compactNumberText(m_feature.min, locale()),
                                          compactNumberText(m_feature.max, locale())));
    m_hint->setObjectName(QStringLiteral("hint_%1").arg(name()));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    if (!m_feature.categorical)
        m_hint->setToolTip(tr("Training range %1, median %2")
                               .arg(rangeText(), inputNumberText(m_feature.median, locale())));

    m_missing = new QCheckBox(tr("Missing"), this);
    m_missing->setObjectName(QStringLiteral("missing_%1").arg(name()));
    m_missing->setAccessibleName(tr("%1 is missing").arg(name()));
    m_missing->setToolTip(tr("Leave %1 out: the model treats it as unknown, as it treats an empty "
                             "cell in a file")
                              .arg(name()));
    connect(m_missing, &QCheckBox::toggled, this, &FeatureField::onMissingToggled);

    layout->addWidget(editor());
    layout->addWidget(m_flag);
    layout->addWidget(m_hint, 1);
    layout->addWidget(m_missing);
    reset();
}

void FeatureField::buildNumber()
{
    m_line = new QLineEdit(this);
    m_line->setObjectName(QStringLiteral("value_%1").arg(name()));
    m_line->setValidator(new InputNumberValidator(locale(), m_line));
    connect(m_line, &QLineEdit::textEdited, this, &FeatureField::onTextEdited);
    // A half-typed number ("-", "5,") is put back to the last valid one when the field is left;
    // editingFinished() would not tell, since the validator withholds it for such text.
    m_line->installEventFilter(this);
}

void FeatureField::buildLevels()
{
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("value_%1").arg(name()));
    for (std::size_t i = 0; i < m_feature.levels.size(); ++i)
        m_combo->addItem(QString::fromStdString(m_feature.levels[i]), int(i));
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!isMissing())
            Q_EMIT changed();
    });
    // Scrolling a long form over a combo box must scroll the form, not change the level.
    m_combo->setFocusPolicy(Qt::StrongFocus);
    m_combo->installEventFilter(this);
}

bool FeatureField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_combo && event->type() == QEvent::Wheel && !m_combo->hasFocus()) {
        // Ignored and filtered: the application hands the wheel on to the scroll area.
        event->ignore();
        return true;
    }
    if (watched == m_line && event->type() == QEvent::FocusOut && !m_line->hasAcceptableInput()) {
        m_line->setText(shownText(m_number, locale()));
        m_line->setCursorPosition(0);
        updateFlag();
    }
    return QWidget::eventFilter(watched, event);
}

QString FeatureField::name() const
{
    return QString::fromStdString(m_feature.name);
}

QWidget *FeatureField::editor() const
{
    return m_line ? static_cast<QWidget *>(m_line) : m_combo;
}

double FeatureField::value() const
{
    if (isMissing())
        return kMissing;
    if (m_combo)
        return m_combo->currentIndex() < 0 ? kMissing : double(m_combo->currentIndex());
    return m_number;
}

double FeatureField::defaultValue() const
{
    return m_feature.categorical ? double(m_feature.mode) : m_feature.median;
}

void FeatureField::setValue(double value)
{
    const bool levelKnown
        = m_combo && value >= 0 && value < double(m_combo->count()) && value == std::floor(value);
    const bool missing = std::isnan(value) || (m_combo && !levelKnown);
    {
        // One changed() for the whole update, whatever the parts emit.
        const QSignalBlocker quiet(this);
        if (!missing) {
            if (m_combo) {
                m_combo->setCurrentIndex(int(value));
            } else {
                m_number = value;
                m_line->setText(shownText(value, locale()));
                m_line->setCursorPosition(0); // the start of a long number, not its end
            }
        }
        setMissing(missing);
        updateFlag();
    }
    Q_EMIT changed();
}

void FeatureField::reset()
{
    setValue(defaultValue());
}

bool FeatureField::isMissing() const
{
    return m_missing->isChecked();
}

void FeatureField::setMissing(bool missing)
{
    m_missing->setChecked(missing);
}

void FeatureField::onMissingToggled(bool missing)
{
    editor()->setEnabled(!missing);
    updateFlag();
    Q_EMIT changed();
}

void FeatureField::onTextEdited(const QString &text)
{
    if (const auto number = parseInputNumber(text, locale())) {
        m_number = *number;
        updateFlag();
        Q_EMIT changed();
        return;
    }
    updateFlag();
}

bool FeatureField::hasAcceptableInput() const
{
    return !m_line || parseInputNumber(m_line->text(), locale()).has_value();
}

bool FeatureField::isOutOfRange() const
{
    return m_line && !isMissing() && (m_number < m_feature.min || m_number > m_feature.max);
}

QString FeatureField::rangeText() const
{
    if (m_feature.categorical)
        return {};
    return tr("%1 – %2").arg(inputNumberText(m_feature.min, locale()),
                             inputNumberText(m_feature.max, locale()));
}

void FeatureField::updateFlag()
{
    if (!m_line)
        return;
    QString problem;
    if (isMissing()) {
        // Nothing to flag: the value is not used.
    } else if (!hasAcceptableInput()) {
        problem = tr("Not a number yet: the prediction uses %1")
                      .arg(inputNumberText(m_number, locale()));
    } else if (isOutOfRange()) {
        problem = tr("Outside the training range %1: the model extrapolates here").arg(rangeText());
    }
    m_flag->setVisible(!problem.isEmpty());
    m_flag->setToolTip(problem);
    m_line->setToolTip(problem.isEmpty() ? m_hint->toolTip() : problem);
    m_line->setAccessibleDescription(problem);
    // A tinted field as well as the icon: the icon alone is easy to miss in a long form.
    QPalette palette = this->palette();
    if (!problem.isEmpty()) {
        const QColor base = palette.color(QPalette::Base);
        const QColor amber(255, 176, 32);
        palette.setColor(QPalette::Base,
                         QColor::fromRgbF(0.7f * base.redF() + 0.3f * amber.redF(),
                                          0.7f * base.greenF() + 0.3f * amber.greenF(),
                                          0.7f * base.blueF() + 0.3f * amber.blueF()));
    }
    m_line->setPalette(palette);
}

} // namespace mb
