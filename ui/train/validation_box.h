// SPDX-License-Identifier: MIT
#pragma once

#include "core/eval/evaluation.h"

#include <QGroupBox>

#include <cstdint>

class QButtonGroup;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace mb {

/// How to measure the next model: holdout percentage, k-fold cross-validation, a test file
/// or no validation, plus the seed of every random draw. Remembers its choices in QSettings.
class ValidationBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit ValidationBox(QWidget *parent = nullptr);

    /// The scheme on show; for Kind::TestSet the file is testPath() (not loaded here).
    ValidationScheme scheme() const;
    void setKind(ValidationScheme::Kind kind);
    QString testPath() const;
    void setTestPath(const QString &path);
    std::uint64_t seed() const;

    /// Why the choices cannot be used (no test file chosen), or empty.
    QString problem() const;

    /// Writes the choices to QSettings, for the next session.
    void saveSettings() const;

Q_SIGNALS:
    void changed();

private:
    void chooseTestFile();
    void updateEnabled();
    void loadSettings();

    QButtonGroup *m_kinds = nullptr;
    QRadioButton *m_holdout = nullptr;
    QRadioButton *m_crossValidation = nullptr;
    QRadioButton *m_testSet = nullptr;
    QRadioButton *m_none = nullptr;
    QSpinBox *m_holdoutPercent = nullptr;
    QSpinBox *m_folds = nullptr;
    QLineEdit *m_testFile = nullptr;
    QPushButton *m_browse = nullptr;
    QSpinBox *m_seed = nullptr;
};

} // namespace mb
