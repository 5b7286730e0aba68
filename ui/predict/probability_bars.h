// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

namespace mb {

/// One horizontal bar per class probability, in class order, each with the class name and the
/// percentage written beside it, so it reads without colour (and in greyscale). The winning
/// class is written in bold and its bar outlined. Colours are the charts' (seriesColour), so a
/// class looks the same here and in the what-if chart. Paints only what it is given. GUI thread
/// only.
class ProbabilityBars : public QWidget
{
    Q_OBJECT
public:
    explicit ProbabilityBars(QWidget *parent = nullptr);

    /// The class names, in the model's order; clears the probabilities.
    void setClasses(const QStringList &classes);
    const QStringList &classes() const { return m_classes; }
    /// One probability per class; `winner` is the predicted class (drawn in bold).
    void setProbabilities(const std::vector<double> &probabilities, int winner);
    const std::vector<double> &probabilities() const { return m_probabilities; }
    int winner() const { return m_winner; }

    /// The text beside bar `index`: "61.5 %" in the user's locale.
    QString percentText(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int rowHeight() const;
    int nameWidth() const;
    void updateAccessibleText();

    QStringList m_classes;
    std::vector<double> m_probabilities;
    int m_winner = -1;
};

} // namespace mb
