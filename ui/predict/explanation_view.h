// SPDX-License-Identifier: MIT
#pragma once

#include "core/eval/explanation.h"
#include "core/ml/model.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <span>

class QLabel;
class QScrollArea;
class QTableWidget;

namespace mb {

class ContributionChart;

/// The Predict page's "why" panel: for the row on show, the decision path of a decision tree
/// (a table of the tests from the root, each with the value tested, the answer and the
/// training rows there, then the leaf) or, for logistic regression and naive Bayes, a chart of
/// each input's part in the log-odds of the predicted class against the runner-up, with the
/// scores per class whose softmax is the probabilities on show. For other learners it says why
/// there is none. Its numbers come from the engine's Explainer, the ones `modelbench-cli
/// predict --explain` prints. Holds the model alive while it shows it. GUI thread only.
class ExplanationView : public QWidget
{
    Q_OBJECT
public:
    explicit ExplanationView(QWidget *parent = nullptr);
    ~ExplanationView() override;

    /// The model to explain (nullptr: nothing); clears the row.
    void setModel(std::shared_ptr<const Model> model);
    /// Explains `row` (one value per feature, NaN = missing, categorical = level code).
    void setRow(std::span<const double> row);

    /// Whether the model's learner has an explanation.
    bool isAvailable() const;
    /// The explanation on show (nullopt: none).
    const std::optional<Explanation> &explanation() const { return m_explanation; }
    /// The class the contributions are weighed against (the runner-up); -1 without contributions.
    int comparedClass() const { return m_against; }

    QLabel *heading() const { return m_heading; }
    QLabel *footer() const { return m_footer; }
    QTableWidget *pathTable() const { return m_path; }
    ContributionChart *contributionChart() const { return m_chart; }

    /// Path table columns.
    enum Column { TestColumn, ValueColumn, AnswerColumn, RowsColumn, ClassRowsColumn, ColumnCount };

private:
    void showNothing();
    void showPath(const DecisionPath &path);
    void showContributions(const Contributions &contributions);
    QString className(int code) const;
    /// Feature `j` of the row as the form holds it, and what the model used if it was missing.
    QString valueText(std::size_t j) const;
    QString levelOrNumber(std::size_t j, double value) const;
    QString classRowsText(const TreeNodeInfo &node) const;

    std::shared_ptr<const Model> m_model;
    std::unique_ptr<Explainer> m_explainer;
    std::optional<Explanation> m_explanation;
    int m_against = -1;

    QLabel *m_heading = nullptr;
    QLabel *m_footer = nullptr;
    QLabel *m_none = nullptr;
    QTableWidget *m_path = nullptr;
    QScrollArea *m_chartScroll = nullptr;
    ContributionChart *m_chart = nullptr;
};

} // namespace mb
