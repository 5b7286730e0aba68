// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/input_schema.h"

#include <QList>
#include <QScrollArea>

#include <span>
#include <vector>

class QGridLayout;
class QLabel;

namespace mb {

class FeatureField;

/// The Predict page's input form, generated from a model's InputSchema: one labelled
/// FeatureField per feature, in schema order. Scrolls, so sixty features stay usable, and
/// puts the fields in two columns when the view is wide enough for both. Values go in and
/// out as one encoded row (see FeatureField). GUI thread only.
class FeatureForm : public QScrollArea
{
    Q_OBJECT
public:
    explicit FeatureForm(QWidget *parent = nullptr);

    /// Replaces the form with one field per feature of `schema`, each at its default.
    void setSchema(const InputSchema &schema);
    void clear();

    /// The encoded row on show: one value per feature, NaN = missing, categorical = level code.
    std::vector<double> values() const;
    /// Shows an encoded row (one value per feature); emits changed() once.
    void setValues(std::span<const double> row);
    /// Every field at the training median or most frequent level; emits changed() once.
    void resetToDefaults();

    const QList<FeatureField *> &fields() const { return m_fields; }
    /// The field of feature `name`, or nullptr.
    FeatureField *field(const QString &name) const;
    /// How many columns of fields are shown (1 or 2).
    int columnCount() const { return m_columns; }

    /// Wide enough for one column of fields without scrolling sideways.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// A value changed (once per setValues() or resetToDefaults()).
    void changed();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void arrange(int columns);
    int columnsFor(int width) const;
    /// The width one column of labels and fields needs, margins included.
    int oneColumnWidth() const;

    QWidget *m_content = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<QLabel *> m_labels;
    QList<FeatureField *> m_fields;
    int m_columns = 1;
    bool m_bulk = false; ///< inside setValues()/resetToDefaults(): one changed() at the end
};

} // namespace mb
