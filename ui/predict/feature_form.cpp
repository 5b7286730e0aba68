// SPDX-License-Identifier: MIT
#include "ui/predict/feature_form.h"

#include "ui/predict/feature_field.h"

#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollBar>

#include <algorithm>

namespace mb {

namespace {

// Past this many characters a feature name is elided; the tooltip holds the whole name.
constexpr int kMaxNameChars = 28;

// Space between the two columns of fields.
constexpr int kColumnGap = 24;

} // namespace

FeatureForm::FeatureForm(QWidget *parent)
    : QScrollArea(parent)
{
    setAccessibleName(tr("Input values"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("featureFormContent"));
    m_grid = new QGridLayout(m_content);
    m_grid->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_grid->setVerticalSpacing(4);
    setWidget(m_content);
}

void FeatureForm::clear()
{
    qDeleteAll(m_labels);
    qDeleteAll(m_fields);
    m_labels.clear();
    m_fields.clear();
}

void FeatureForm::setSchema(const InputSchema &schema)
{
    clear();
    for (const FeatureSchema &feature : schema.features) {
        auto *field = new FeatureField(feature, m_content);
        const QString name = field->name();
        auto *label = new QLabel(m_content);
        label->setText(name.size() > kMaxNameChars ? name.left(kMaxNameChars - 1) + QChar(0x2026)
                                                   : name);
        label->setToolTip(name);
        label->setBuddy(field->editor());
        connect(field, &FeatureField::changed, this, [this] {
            if (!m_bulk)
                Q_EMIT changed();
        });
        m_labels.append(label);
        m_fields.append(field);
    }
    m_columns = 0; // forces the first arrangement
    arrange(columnsFor(viewport()->width()));
    updateGeometry(); // the width one column needs changed with the names
}

int FeatureForm::oneColumnWidth() const
{
    int labels = 0;
    for (const QLabel *label : m_labels)
        labels = std::max(labels, label->sizeHint().width());
    const int fields = m_fields.isEmpty() ? 0 : m_fields.front()->minimumSizeHint().width();
    const QMargins margins = m_grid->contentsMargins();
    return labels + m_grid->horizontalSpacing() + fields + margins.left() + margins.right();
}

int FeatureForm::columnsFor(int width) const
{
    if (m_fields.size() < 8)
        return 1; // a short form reads best as one list
    const QMargins margins = m_grid->contentsMargins();
    const int inner = oneColumnWidth() - margins.left() - margins.right();
    return width >= 2 * inner + kColumnGap + margins.left() + margins.right() ? 2 : 1;
}

QSize FeatureForm::minimumSizeHint() const
{
    const int scrollBar = verticalScrollBar()->sizeHint().width();
    return {oneColumnWidth() + scrollBar + 2 * frameWidth(),
            QScrollArea::minimumSizeHint().height()};
}

QSize FeatureForm::sizeHint() const
{
    return {minimumSizeHint().width(), QScrollArea::sizeHint().height()};
}

void FeatureForm::arrange(int columns)
{
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        m_grid->removeWidget(m_labels[i]);
        m_grid->removeWidget(m_fields[i]);
    }
    // Down the first column, then down the second: a list is read top to bottom.
    const auto count = int(m_fields.size());
    const int rows = (count + columns - 1) / std::max(1, columns);
    for (int i = 0; i < count; ++i) {
        const int row = i % std::max(1, rows);
        const int column = 3 * (i / std::max(1, rows));
        m_grid->addWidget(m_labels[i], row, column);
        m_grid->addWidget(m_fields[i], row, column + 1);
    }
    for (int c = 0; c < m_grid->columnCount(); ++c) {
        m_grid->setColumnStretch(c, 0);
        m_grid->setColumnMinimumWidth(c, 0);
    }
    // The fields take the spare width; a gap column separates the two halves.
    m_grid->setColumnStretch(1, 1);
    if (columns == 2) {
        m_grid->setColumnMinimumWidth(2, kColumnGap);
        m_grid->setColumnStretch(4, 1);
    }
    // Tab order is creation order, which is the reading order in either arrangement.
}

void FeatureForm::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    arrange(columnsFor(viewport()->width()));
}

std::vector<double> FeatureForm::values() const
{
    std::vector<double> row;
    row.reserve(std::size_t(m_fields.size()));
    for (const FeatureField *field : m_fields)
        row.push_back(field->value());
    return row;
}

void FeatureForm::setValues(std::span<const double> row)
{
    m_bulk = true;
    for (qsizetype i = 0; i < m_fields.size() && std::size_t(i) < row.size(); ++i)
        m_fields[i]->setValue(row[std::size_t(i)]);
    m_bulk = false;
    Q_EMIT changed();
}

void FeatureForm::resetToDefaults()
{
    m_bulk = true;
    for (FeatureField *field : m_fields)
        field->reset();
    m_bulk = false;
    Q_EMIT changed();
}

FeatureField *FeatureForm::field(const QString &name) const
{
    for (FeatureField *field : m_fields) {
        if (field->name() == name)
            return field;
    }
    return nullptr;
}

} // namespace mb
