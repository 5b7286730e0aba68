// SPDX-License-Identifier: MIT
#include "ui/train/param_form.h"

#include "ui/train/param_editor.h"

#include <QFormLayout>
#include <QLabel>

namespace mb {

ParamForm::ParamForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
{
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

void ParamForm::setSpecs(std::span<const ParamSpec> specs)
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_editors.clear();
    m_specs = specs;
    for (const ParamSpec &spec : specs) {
        auto *editor = new ParamEditor(spec, this);
        auto *label = new QLabel(tr("%1:").arg(editor->label()), this);
        label->setBuddy(editor->valueWidget());
        label->setToolTip(editor->valueWidget()->toolTip());
        m_layout->addRow(label, editor);
        connect(editor, &ParamEditor::changed, this, &ParamForm::changed);
        m_editors << editor;
    }
    Q_EMIT changed();
}

ParamValues ParamForm::values() const
{
    ParamValues values;
    for (const ParamEditor *editor : m_editors)
        values.emplace(editor->name().toStdString(), editor->value().toStdString());
    return values;
}

void ParamForm::setValues(const ParamValues &values)
{
    for (const auto &[name, text] : values) {
        if (ParamEditor *target = editor(QString::fromStdString(name)))
            target->setValue(QString::fromStdString(text));
    }
}

void ParamForm::resetToDefaults()
{
    for (ParamEditor *editor : m_editors)
        editor->reset();
}

bool ParamForm::isAtDefaults() const
{
    // Compared parsed, since "1e-07" on show is the default "1e-7".
    const ParamCheck shown = checkParams(m_specs, values());
    const ParamCheck defaults = checkParams(m_specs, {});
    if (!shown.ok() || !problem().isEmpty())
        return false;
    for (std::size_t i = 0; i < shown.values.size(); ++i) {
        if (shown.values[i].number != defaults.values[i].number
            || shown.values[i].text != defaults.values[i].text)
            return false;
    }
    return true;
}

QString ParamForm::problem() const
{
    for (const ParamEditor *editor : m_editors) {
        const QString problem = editor->problem();
        if (!problem.isEmpty())
            return problem;
    }
    // The editors keep to their ranges; checkParams has the last word all the same.
    const ParamCheck check = checkParams(m_specs, values());
    return check.ok() ? QString() : QString::fromStdString(check.error);
}

ParamEditor *ParamForm::editor(const QString &name) const
{
    for (ParamEditor *editor : m_editors) {
        if (editor->name() == name)
            return editor;
    }
    return nullptr;
}

} // namespace mb
