// SPDX-License-Identifier: MIT
#include "ui/train/param_editor.h"

#include "ui/train/real_spin_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <optional>

namespace mb {

namespace {

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The shortest text that parses back to exactly `value`, as checkParams reads it.
QString exactText(double value)
{
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, r.ptr - buffer);
}

// Values of parameter text are C-locale numbers ("0.1"), never the user's locale.
std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    return ok && std::isfinite(value) ? std::optional(value) : std::nullopt;
}

} // namespace

QString translatedSpecText(std::string_view text)
{
    // Parameter tables live in plain C++; their strings are translated in this one context.
    const QByteArray bytes(text.data(), qsizetype(text.size()));
    return QCoreApplication::translate("mb::ParamSpec", bytes.constData());
}

ParamEditor::ParamEditor(const ParamSpec &spec, QWidget *parent)
    : QWidget(parent)
    , m_spec(spec)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QString objectName = QStringLiteral("param_%1").arg(name());

    switch (spec.type) {
    case ParamSpec::Type::Int:
    case ParamSpec::Type::Real:
        buildNumber();
        break;
    case ParamSpec::Type::Choice:
        m_choice = new QComboBox(this);
        for (std::string_view choice : spec.choices)
            m_choice->addItem(toQString(choice), toQString(choice));
        connect(m_choice, &QComboBox::currentIndexChanged, this, &ParamEditor::changed);
        layout->addWidget(m_choice, 1);
        break;
    case ParamSpec::Type::Bool:
        m_bool = new QCheckBox(this);
        connect(m_bool, &QCheckBox::toggled, this, &ParamEditor::changed);
        layout->addWidget(m_bool, 1);
        break;
    }

    QWidget *input = valueWidget();
    input->setObjectName(objectName);
    input->setAccessibleName(label());
    const QString help = translatedSpecText(spec.help);
    const QString tip = tr("<p><b>%1</b> (%2)</p><p>%3</p><p>Default: %4.</p>")
                                .arg(label().toHtmlEscaped(), name(), help.toHtmlEscaped(),
                                     toQString(spec.defaultValue));
    input->setToolTip(tip);
    input->setAccessibleDescription(help);
    if (m_special) {
        m_special->setObjectName(objectName + QStringLiteral("_special"));
        m_special->setAccessibleName(tr("%1: number or word").arg(label()));
        m_special->setToolTip(tip);
    }
    reset();
}

void ParamEditor::watchTyping(QAbstractSpinBox *spin)
{
    // The spin box's own textChanged stays silent while the text is not a valid value; its
    // line edit reports every keystroke, so Train is disabled as soon as a number goes bad.
    if (auto *edit = spin->findChild<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, &ParamEditor::changed);
}

void ParamEditor::buildNumber()
{
    auto *row = static_cast<QHBoxLayout *>(layout());
    if (m_spec.type == ParamSpec::Type::Int) {
        m_int = new QSpinBox(this);
        // QSpinBox holds an int; tables use 1e9 for "no practical limit".
        m_int->setRange(int(std::max<double>(m_spec.min, INT_MIN)),
                        int(std::min<double>(m_spec.max, INT_MAX)));
        m_int->setGroupSeparatorShown(false);
        watchTyping(m_int);
        row->addWidget(m_int, 1);
    } else {
        m_real = new RealSpinBox(this);
        m_real->setRange(m_spec.min, m_spec.max);
        watchTyping(m_real);
        row->addWidget(m_real, 1);
    }
    if (m_spec.specialValues.empty())
        return;
    m_special = new QComboBox(this);
    m_special->addItem(tr("number"), QString());
    for (std::string_view word : m_spec.specialValues)
        m_special->addItem(toQString(word), toQString(word));
    connect(m_special, &QComboBox::currentIndexChanged, this, [this] {
        updateSpecialState();
        Q_EMIT changed();
    });
    row->addWidget(m_special);
}

QString ParamEditor::name() const
{
    return toQString(m_spec.name);
}

QString ParamEditor::label() const
{
    return translatedSpecText(m_spec.label);
}

QWidget *ParamEditor::valueWidget() const
{
    if (m_int)
        return m_int;
    if (m_real)
        return m_real;
    if (m_choice)
        return m_choice;
    return m_bool;
}

QString ParamEditor::value() const
{
    if (m_special && m_special->currentIndex() > 0)
        return m_special->currentData().toString();
    if (m_int)
        return QString::number(m_int->value());
    if (m_real)
        return exactText(m_real->value());
    if (m_choice)
        return m_choice->currentData().toString();
    return m_bool->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
}

bool ParamEditor::setValue(const QString &text)
{
    // checkParams is the one judge of what a spec accepts.
    ParamValues values{{std::string(m_spec.name), text.toStdString()}};
    if (!checkParams(std::span(&m_spec, 1), values).ok())
        return false;
    if (m_choice) {
        m_choice->setCurrentIndex(m_choice->findData(text));
        return true;
    }
    if (m_bool) {
        m_bool->setChecked(text == QLatin1String("true") || text == QLatin1String("1")
                           || text == QLatin1String("yes") || text == QLatin1String("on"));
        return true;
    }
    const int special = m_special ? m_special->findData(text) : -1;
    if (special > 0) {
        m_special->setCurrentIndex(special);
        return true;
    }
    const double number = parseNumber(text).value_or(m_spec.min);
    if (m_int)
        m_int->setValue(int(number));
    else
        m_real->setValue(number);
    if (m_special)
        m_special->setCurrentIndex(0);
    updateSpecialState();
    return true;
}

void ParamEditor::reset()
{
    const QString fallback = toQString(m_spec.defaultValue);
    // A special default ('none') still leaves a sensible number behind the combo box.
    if (m_int)
        m_int->setValue(int(std::max(m_spec.min, std::min(m_spec.max, 10.0))));
    if (m_real)
        m_real->setValue(std::max(m_spec.min, std::min(m_spec.max, 1.0)));
    setValue(fallback);
    updateSpecialState();
}

QString ParamEditor::problem() const
{
    if (m_special && m_special->currentIndex() > 0)
        return {};
    const QAbstractSpinBox *spin = m_int ? static_cast<QAbstractSpinBox *>(m_int) : m_real;
    if (spin && !spin->hasAcceptableInput())
        return tr("%1 must be %2.").arg(label(), rangeText());
    return {};
}

QString ParamEditor::rangeText() const
{
    const QLocale locale;
    const QString low = locale.toString(m_spec.min, 'g', 10);
    const QString high = locale.toString(m_spec.max, 'g', 10);
    QString text = m_spec.type == ParamSpec::Type::Int ? tr("an integer from %1 to %2").arg(low, high)
                                                        : tr("a number from %1 to %2").arg(low, high);
    for (std::string_view word : m_spec.specialValues)
        text += tr(" or '%1'").arg(toQString(word));
    return text;
}

void ParamEditor::updateSpecialState()
{
    if (!m_special)
        return;
    QWidget *spin = m_int ? static_cast<QWidget *>(m_int) : m_real;
    spin->setEnabled(m_special->currentIndex() == 0);
}

} // namespace mb
