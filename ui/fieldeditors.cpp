// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fieldeditors.h"

#include "core/value.h"
#include "ui/commands/workbookcommands.h"
#include "ui/findhighlight.h"
#include "ui/listmodel.h"
#include "ui/style.h"
#include "ui/typingcommitter.h"

#include <QAbstractTextDocumentLayout>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFocusEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Rallybook {

namespace {

// --- One-line text -------------------------------------------------------------------------

class TextEditor : public FieldEditor
{
public:
    TextEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
        : FieldEditor(document, field, parent)
        , m_edit(new QLineEdit(this))
        , m_count(Style::mute(Style::textLabel(QString(), this)))
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(m_edit);
        layout->addWidget(m_count, 0, Qt::AlignRight);
        QFont small = m_count->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        m_count->setFont(small);
        m_edit->setMaxLength(field.type == Core::FieldType::Text ? field.maxLength : 64);
        if (field.type == Core::FieldType::Due) {
            m_edit->setPlaceholderText(tr("day 30, or a date such as 2026-12-31"));
        } else if (field.type == Core::FieldType::Date) {
            m_edit->setPlaceholderText(tr("YYYY-MM-DD"));
        }
        m_edit->setAccessibleName(field.label);
        m_edit->setAccessibleDescription(field.question);
        m_edit->setObjectName(QStringLiteral("edit-") + field.id);
        m_typing = new TypingCommitter(m_edit, [this](int session) {
            commitText(session);
        });
        connect(m_edit, &QLineEdit::textEdited, this, [this] {
            m_typing->changed();
            updateCount();
        });
        connect(m_edit, &QLineEdit::returnPressed, m_typing, &TypingCommitter::flush);
        refresh();
    }

    void refresh() override
    {
        if (m_typing->isPending()) {
            return;
        }
        const QString text = m_document->workbook().value(m_field.id).toString();
        if (m_edit->text() != text) {
            m_edit->setText(text);
        }
        updateCount();
    }

    void commitPending() override { m_typing->flush(); }

    void setEditable(bool editable) override { m_edit->setReadOnly(!editable); }
    QWidget *focusTarget() const override { return m_edit; }

    void focusLocation(const FieldLocation &, int start, int length) override
    {
        m_edit->setFocus(Qt::OtherFocusReason);
        if (start >= 0) {
            m_edit->setCursorPosition(start + length);
        }
    }

    QRect showMatch(const FieldLocation &, int start, int length) override
    {
        clearMatch();
        if (start >= 0) {
            // Moving the cursor (it is not drawn while the box has no focus) scrolls a long
            // text so that the match shows; nothing is selected.
            m_edit->setCursorPosition(start + length);
            m_edit->setCursorPosition(start);
        }
        m_highlight = new FindHighlight(m_edit, start, length);
        return QRect(m_edit->mapTo(this, m_highlight->area().topLeft()),
                     m_highlight->area().size());
    }

private:
    void commitText(int session)
    {
        auto normalized = Core::Values::normalize(m_field, m_edit->text());
        if (!normalized) {
            // A due value that is not yet valid stays in the box, marked, until it is.
            m_typing->keepPending();
            m_edit->setToolTip(normalized.error().message);
            m_edit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #B26A00; }"));
            return;
        }
        m_edit->setToolTip(QString());
        m_edit->setStyleSheet(QString());
        commitValue(normalized.value(), session);
    }

    void updateCount()
    {
        if (m_field.type != Core::FieldType::Text) {
            m_count->hide();
            return;
        }
        m_count->setText(
            tr("%1 of %2 characters").arg(m_edit->text().size()).arg(m_field.maxLength));
    }

    QLineEdit *m_edit;
    QLabel *m_count;
    TypingCommitter *m_typing = nullptr;
};

// --- Long text -----------------------------------------------------------------------------

/** A plain-text editor that grows with its content, up to a limit, then scrolls. */
class GrowingTextEdit : public QPlainTextEdit
{
public:
    explicit GrowingTextEdit(QWidget *parent)
        : QPlainTextEdit(parent)
    {
        setTabChangesFocus(true);
        setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        connect(document()->documentLayout(),
                &QAbstractTextDocumentLayout::documentSizeChanged,
                this,
                [this] {
                    updateGeometry();
                });
    }

    QSize sizeHint() const override
    {
        const int line = fontMetrics().lineSpacing();
        // documentSize() counts lines for QPlainTextEdit's layout, wrapped lines included.
        const int lines =
            std::clamp(int(document()->documentLayout()->documentSize().height()), 3, 18);
        const int frame = 2 * frameWidth() + int(document()->documentMargin() * 2)
                          + contentsMargins().top() + contentsMargins().bottom();
        return {QPlainTextEdit::sizeHint().width(), lines * line + frame + 2};
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        updateGeometry();
    }
};

class LongTextEditor : public FieldEditor
{
public:
    LongTextEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
        : FieldEditor(document, field, parent)
        , m_edit(new GrowingTextEdit(this))
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_edit);
        m_edit->setAccessibleName(field.label);
        m_edit->setAccessibleDescription(field.question);
        m_edit->setObjectName(QStringLiteral("edit-") + field.id);
        m_typing = new TypingCommitter(m_edit, [this](int session) {
            commitValue(m_edit->toPlainText(), session);
        });
        connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
            if (!m_settingText) {
                m_typing->changed();
            }
        });
        refresh();
    }

    void refresh() override
    {
        if (m_typing->isPending()) {
            return;
        }
        const QString text = m_document->workbook().value(m_field.id).toString();
        if (m_edit->toPlainText() != text) {
            m_settingText = true;
            m_edit->setPlainText(text);
            m_settingText = false;
        }
    }

    void commitPending() override { m_typing->flush(); }

    void setEditable(bool editable) override { m_edit->setReadOnly(!editable); }
    QWidget *focusTarget() const override { return m_edit; }

    void focusLocation(const FieldLocation &, int start, int length) override
    {
        m_edit->setFocus(Qt::OtherFocusReason);
        if (start >= 0) {
            QTextCursor cursor = m_edit->textCursor();
            cursor.setPosition(std::min(start + length, m_edit->document()->characterCount() - 1));
            m_edit->setTextCursor(cursor);
            m_edit->ensureCursorVisible();
        }
    }

    QRect showMatch(const FieldLocation &, int start, int length) override
    {
        clearMatch();
        if (start < 0) {
            return FieldEditor::showMatch({}, start, length);
        }
        // An extra selection: drawn in the match's own colour, apart from the cursor's
        // selection, and never part of the text.
        const int end = m_edit->document()->characterCount() - 1;
        QTextEdit::ExtraSelection match;
        match.cursor = QTextCursor(m_edit->document());
        match.cursor.setPosition(std::clamp(start, 0, end));
        match.cursor.setPosition(std::clamp(start + length, 0, end), QTextCursor::KeepAnchor);
        match.format = FindHighlight::format();
        m_edit->setExtraSelections({match});
        // Scroll a long text to the match (the cursor is not drawn while the box has no
        // focus; nothing is selected).
        QTextCursor at(m_edit->document());
        at.setPosition(match.cursor.selectionStart());
        m_edit->setTextCursor(at);
        m_edit->ensureCursorVisible();
        const QRect shown = m_edit->cursorRect(at);
        return QRect(m_edit->viewport()->mapTo(this, shown.topLeft()), shown.size());
    }

    void clearMatch() override
    {
        FieldEditor::clearMatch();
        m_edit->setExtraSelections({});
    }

private:
    GrowingTextEdit *m_edit;
    TypingCommitter *m_typing = nullptr;
    bool m_settingText = false;
};

// --- Choice --------------------------------------------------------------------------------

/** Radio buttons for a few choices, a combo box for many. */
class ChoiceEditor : public FieldEditor
{
public:
    static constexpr int kMaxRadioChoices = 4;

    ChoiceEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
        : FieldEditor(document, field, parent)
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        if (field.choices.size() <= kMaxRadioChoices) {
            m_group = new QButtonGroup(this);
            auto *row = new QHBoxLayout;
            row->setSpacing(Style::kGrid * 2);
            for (int i = 0; i < field.choices.size(); ++i) {
                auto *button = new QRadioButton(field.choices.at(i).label, this);
                button->setObjectName(
                    QStringLiteral("choice-%1-%2").arg(field.id, field.choices.at(i).id));
                button->setAccessibleDescription(field.label);
                m_group->addButton(button, i);
                row->addWidget(button);
            }
            m_clear = new QToolButton(this);
            m_clear->setText(tr("Clear"));
            m_clear->setAutoRaise(true);
            m_clear->setAccessibleName(tr("Clear %1").arg(field.label));
            row->addWidget(m_clear);
            row->addStretch();
            layout->addLayout(row);
            connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
                commitValue(m_field.choices.at(id).id);
            });
            connect(m_clear, &QToolButton::clicked, this, [this] {
                commitValue(QVariant());
            });
        } else {
            m_combo = new QComboBox(this);
            m_combo->setObjectName(QStringLiteral("edit-") + field.id);
            m_combo->setAccessibleName(field.label);
            m_combo->setAccessibleDescription(field.question);
            m_combo->addItem(tr("Choose\u2026"), QString());
            for (const Core::Choice &choice : field.choices) {
                m_combo->addItem(choice.label, choice.id);
            }
            m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
            layout->addWidget(m_combo, 0, Qt::AlignLeft);
            connect(m_combo, &QComboBox::activated, this, [this](int index) {
                commitValue(m_combo->itemData(index));
            });
        }
        refresh();
    }

    void refresh() override
    {
        const QString id = m_document->workbook().value(m_field.id).toString();
        if (m_group) {
            int index = -1;
            for (int i = 0; i < m_field.choices.size(); ++i) {
                index = m_field.choices.at(i).id == id ? i : index;
            }
            if (index >= 0) {
                m_group->button(index)->setChecked(true);
            } else if (m_group->checkedButton()) {
                m_group->setExclusive(false);
                m_group->checkedButton()->setChecked(false);
                m_group->setExclusive(true);
            }
            m_clear->setVisible(index >= 0);
        } else {
            m_combo->setCurrentIndex(std::max(0, m_combo->findData(id)));
        }
    }

    void setEditable(bool editable) override
    {
        if (m_group) {
            for (QAbstractButton *button : m_group->buttons()) {
                button->setEnabled(editable);
            }
            m_clear->setEnabled(editable);
        } else {
            m_combo->setEnabled(editable);
        }
    }

    QWidget *focusTarget() const override
    {
        if (m_combo) {
            return m_combo;
        }
        return m_group->checkedButton() ? m_group->checkedButton() : m_group->button(0);
    }

private:
    QButtonGroup *m_group = nullptr;
    QToolButton *m_clear = nullptr;
    QComboBox *m_combo = nullptr;
};

// --- Checklist -----------------------------------------------------------------------------

class ChecklistEditor : public FieldEditor
{
public:
    ChecklistEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
        : FieldEditor(document, field, parent)
    {
        auto *layout = new QGridLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setHorizontalSpacing(Style::kGrid * 3);
        layout->setVerticalSpacing(4);
        const int columns = field.choices.size() > 4 ? 2 : 1;
        const int perColumn = int((field.choices.size() + columns - 1) / columns);
        for (int i = 0; i < field.choices.size(); ++i) {
            auto *box = new QCheckBox(field.choices.at(i).label, this);
            box->setObjectName(QStringLiteral("check-%1-%2").arg(field.id, field.choices.at(i).id));
            box->setAccessibleDescription(field.label);
            // Fill down each column first, so the reading and tab order is top to bottom.
            layout->addWidget(box, i % perColumn, i / perColumn);
            m_boxes.append(box);
            connect(box, &QCheckBox::clicked, this, [this] {
                QStringList ids;
                for (int j = 0; j < m_boxes.size(); ++j) {
                    if (m_boxes.at(j)->isChecked()) {
                        ids.append(m_field.choices.at(j).id);
                    }
                }
                commitValue(ids);
            });
        }
        layout->setColumnStretch(columns, 1);
        refresh();
    }

    void refresh() override
    {
        const QStringList ids = m_document->workbook().value(m_field.id).toStringList();
        for (int i = 0; i < m_boxes.size(); ++i) {
            m_boxes.at(i)->setChecked(ids.contains(m_field.choices.at(i).id));
        }
    }

    void setEditable(bool editable) override
    {
        for (QCheckBox *box : std::as_const(m_boxes)) {
            box->setEnabled(editable);
        }
    }

    QWidget *focusTarget() const override { return m_boxes.value(0); }

private:
    QList<QCheckBox *> m_boxes;
};

// --- Number --------------------------------------------------------------------------------

/** A spin box with its unit. One step below the minimum reads "—": the field is empty. */
class NumberEditor : public FieldEditor
{
public:
    NumberEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
        : FieldEditor(document, field, parent)
        , m_spin(new QDoubleSpinBox(this))
    {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_spin);
        if (field.defaultValue) {
            layout->addWidget(Style::mute(Style::textLabel(
                tr("Empty means %1.").arg(Core::Values::display(field, *field.defaultValue)),
                this)));
        }
        layout->addStretch();
        m_spin->setObjectName(QStringLiteral("edit-") + field.id);
        m_spin->setAccessibleName(field.label);
        m_spin->setAccessibleDescription(field.question);
        m_spin->setDecimals(field.decimals);
        m_step = field.decimals > 0 ? std::pow(10.0, -field.decimals) : 1.0;
        m_spin->setRange(field.min - m_step, std::min(field.max, 1e12));
        m_spin->setSingleStep(field.decimals > 0 ? 0.5 : 1);
        m_spin->setSpecialValueText(QStringLiteral("\u2014"));
        m_spin->setGroupSeparatorShown(true);
        m_spin->setMinimumWidth(m_spin->fontMetrics().averageCharWidth() * 16);
        m_spin->setAlignment(Qt::AlignRight);
        if (field.money) {
            m_spin->setPrefix(QLocale().currencySymbol() + u' ');
        }
        if (!field.unit.isEmpty()) {
            m_spin->setSuffix(u' ' + field.unit);
        }
        m_typing = new TypingCommitter(m_spin, [this](int session) {
            const double value = m_spin->value();
            commitValue(value < m_field.min ? QVariant() : QVariant(value), session);
        });
        connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this] {
            if (!m_settingValue) {
                m_typing->changed();
            }
        });
        connect(m_spin, &QDoubleSpinBox::editingFinished, m_typing, &TypingCommitter::flush);
        refresh();
    }

    void refresh() override
    {
        if (m_typing->isPending()) {
            return;
        }
        const QVariant value = m_document->workbook().value(m_field.id);
        m_settingValue = true;
        m_spin->setValue(value.isValid() ? value.toDouble() : m_spin->minimum());
        m_settingValue = false;
    }

    void commitPending() override { m_typing->flush(); }

    void setEditable(bool editable) override { m_spin->setReadOnly(!editable); }
    QWidget *focusTarget() const override { return m_spin; }

private:
    QDoubleSpinBox *m_spin;
    TypingCommitter *m_typing = nullptr;
    double m_step = 1;
    bool m_settingValue = false;
};

// --- Flag ----------------------------------------------------------------------------------

class FlagEditor : public FieldEditor
{
public:
    FlagEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
        : FieldEditor(document, field, parent)
        , m_box(new QCheckBox(field.label, this))
    {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_box);
        m_box->setObjectName(QStringLiteral("edit-") + field.id);
        connect(m_box, &QCheckBox::clicked, this, [this](bool checked) {
            commitValue(checked);
        });
        refresh();
    }

    void refresh() override
    {
        m_box->setChecked(m_document->workbook().value(m_field.id).toBool());
    }
    void setEditable(bool editable) override { m_box->setEnabled(editable); }
    QWidget *focusTarget() const override { return m_box; }

private:
    QCheckBox *m_box;
};

// --- List ----------------------------------------------------------------------------------

/** A table view that keeps keyboard use for rows: Insert adds, Ctrl+Delete removes, Alt+arrows
 * move. */
class ListTable : public QTableView
{
    bool m_fitPending = false;

public:
    using QTableView::QTableView;
    std::function<void()> addRow;
    std::function<void()> removeRow;
    std::function<void(int)> moveRow;
    std::function<void()> clearCell;
    std::function<void()> focusEntered;

    /** Measures wrapped rows after pending layout (stretched columns resize late). */
    void fitRowsLater()
    {
        if (m_fitPending) {
            return;
        }
        m_fitPending = true;
        QTimer::singleShot(0, this, [this] {
            m_fitPending = false;
            resizeRowsToContents();
            updateGeometry();
        });
    }

    QSize sizeHint() const override
    {
        // Tall enough for every row up to ten, so a short list needs no scroll bar of its own;
        // an empty list keeps room for two rows.
        const int count = model() ? model()->rowCount() : 0;
        int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth() + 2;
        for (int row = 0; row < std::min(count, 10); ++row) {
            height += verticalHeader()->sectionSize(row);
        }
        height += std::max(0, 2 - count) * verticalHeader()->defaultSectionSize();
        return {QTableView::sizeHint().width(), height};
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QTableView::resizeEvent(event);
        if (event->size().width() != event->oldSize().width()) {
            fitRowsLater();
        }
    }

    void showEvent(QShowEvent *event) override
    {
        QTableView::showEvent(event);
        fitRowsLater();
    }

    void focusInEvent(QFocusEvent *event) override
    {
        QTableView::focusInEvent(event);
        if (focusEntered) {
            focusEntered();
        }
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        if (state() != QAbstractItemView::EditingState) {
            if (event->key() == Qt::Key_Insert) {
                addRow();
                return;
            }
            if (event->key() == Qt::Key_Delete && event->modifiers() & Qt::ControlModifier) {
                removeRow();
                return;
            }
            if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
                clearCell();
                return;
            }
            if ((event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)
                && event->modifiers() & Qt::AltModifier) {
                moveRow(event->key() == Qt::Key_Up ? -1 : 1);
                return;
            }
        }
        QTableView::keyPressEvent(event);
    }
};

class ListEditor : public FieldEditor
{
public:
    ListEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
        : FieldEditor(document, field, parent)
        , m_model(new ListModel(document, field, this))
        , m_table(new ListTable(this))
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        m_table->setObjectName(QStringLiteral("edit-") + field.id);
        m_table->setAccessibleName(field.label);
        m_table->setAccessibleDescription(field.question);
        m_table->setModel(m_model);
        m_table->setItemDelegate(new ListDelegate(m_table));
        m_table->setWordWrap(true);
        m_table->setAlternatingRowColors(true);
        m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
        m_table->setSelectionMode(QAbstractItemView::SingleSelection);
        m_table->setTabKeyNavigation(false);
        m_table->setEditTriggers(
            QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
            | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
        m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        // Rows grow to show wrapped text, measured once the columns have their final widths;
        // the table's height follows its rows.
        m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        m_table->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
        connect(m_table->horizontalHeader(),
                &QHeaderView::sectionResized,
                m_table,
                &ListTable::fitRowsLater);
        connect(m_model, &QAbstractItemModel::dataChanged, m_table, &ListTable::fitRowsLater);
        connect(m_model, &QAbstractItemModel::rowsInserted, m_table, &ListTable::fitRowsLater);
        m_table->horizontalHeader()->setStretchLastSection(true);
        for (int i = 0; i < field.columns.size(); ++i) {
            const Core::FieldType type = field.columns.at(i).type;
            const bool narrow = type == Core::FieldType::Flag || type == Core::FieldType::Date
                                || type == Core::FieldType::Number || type == Core::FieldType::Due
                                || type == Core::FieldType::Choice;
            m_table->horizontalHeader()->setSectionResizeMode(
                i, narrow ? QHeaderView::ResizeToContents : QHeaderView::Stretch);
        }
        layout->addWidget(m_table);

        auto *buttons = new QHBoxLayout;
        buttons->setSpacing(4);
        m_add = button(
            tr("Add"), tr("Add a row below the selected one (Insert)"), QStringLiteral("add"));
        m_remove = button(
            tr("Remove"), tr("Remove the selected row (Ctrl+Delete)"), QStringLiteral("remove"));
        m_up = button(tr("Move Up"), tr("Move the selected row up (Alt+Up)"), QStringLiteral("up"));
        m_down = button(
            tr("Move Down"), tr("Move the selected row down (Alt+Down)"), QStringLiteral("down"));
        for (QPushButton *b : {m_add, m_remove, m_up, m_down}) {
            buttons->addWidget(b);
        }
        buttons->addStretch();
        layout->addLayout(buttons);

        m_table->addRow = [this] {
            add();
        };
        m_table->removeRow = [this] {
            remove();
        };
        m_table->moveRow = [this](int delta) {
            move(delta);
        };
        m_table->clearCell = [this] {
            const QModelIndex current = m_table->currentIndex();
            if (current.isValid() && m_document->isEditable()) {
                m_model->setEditSession(0);
                m_model->setData(current, QVariant(), Qt::EditRole);
            }
        };
        connect(m_add, &QPushButton::clicked, this, [this] {
            add();
        });
        connect(m_remove, &QPushButton::clicked, this, [this] {
            remove();
        });
        connect(m_up, &QPushButton::clicked, this, [this] {
            move(-1);
        });
        connect(m_down, &QPushButton::clicked, this, [this] {
            move(1);
        });
        connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
            updateButtons();
        });
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
            connect(m_model, signal, this, [this] {
                m_table->updateGeometry();
                updateButtons();
            });
        }
        connect(m_model, &QAbstractItemModel::rowsMoved, this, [this] {
            updateButtons();
        });
        m_table->focusEntered = [this] {
            m_model->setEditSession(nextTypingSession());
        };
        updateButtons();
    }

    void refresh() override {}
    void setEditable(bool editable) override
    {
        m_editable = editable;
        updateButtons();
    }
    QWidget *focusTarget() const override { return m_table; }

    void focusLocation(const FieldLocation &where, int, int) override
    {
        m_table->setFocus(Qt::OtherFocusReason);
        const int row = where.rowId ? m_model->rowOf(where.rowId) : -1;
        if (row >= 0) {
            const int column = std::max(0, m_model->columnOf(where.columnId));
            m_table->setCurrentIndex(m_model->index(row, column));
            m_table->scrollTo(m_model->index(row, column));
        }
    }

    QRect showMatch(const FieldLocation &where, int, int) override
    {
        clearMatch();
        // The cell is coloured by the model: neither the current cell nor the selection moves.
        m_model->setMatch(where.rowId, where.columnId);
        const QModelIndex cell = m_model->index(m_model->rowOf(where.rowId),
                                                std::max(0, m_model->columnOf(where.columnId)));
        if (!cell.isValid()) {
            return rect();
        }
        m_table->scrollTo(cell);
        const QRect shown = m_table->visualRect(cell);
        return QRect(m_table->viewport()->mapTo(this, shown.topLeft()), shown.size());
    }

    void clearMatch() override { m_model->clearMatch(); }

private:
    QPushButton *button(const QString &text, const QString &tip, const QString &name)
    {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        b->setAccessibleName(tr("%1 (%2)").arg(text, m_field.label));
        b->setObjectName(QStringLiteral("%1-%2").arg(name, m_field.id));
        return b;
    }

    void add()
    {
        if (!m_document->isEditable()) {
            return;
        }
        const int current = m_table->currentIndex().row();
        const int index = current >= 0 ? current + 1 : m_model->rowCount();
        auto *command = new InsertRowCommand(m_document, m_field.id, index);
        // After a failure the command is gone (and the window says why); after success it is on
        // the history (row insertions never merge), so its row id can be read.
        if (!m_document->push(command)) {
            return;
        }
        if (const int row = m_model->rowOf(command->rowId()); row >= 0) {
            const QModelIndex first = m_model->index(row, 0);
            m_table->setCurrentIndex(first);
            m_table->setFocus(Qt::OtherFocusReason);
            m_table->edit(first);
        }
    }

    void remove()
    {
        const int row = m_table->currentIndex().row();
        if (row < 0 || !m_document->isEditable()) {
            return;
        }
        const int column = m_table->currentIndex().column();
        if (!m_document->push(new RemoveRowCommand(m_document, m_field.id, m_model->rowId(row)))) {
            return; // the row stays, and the window says why
        }
        if (m_model->rowCount() > 0) {
            m_table->setCurrentIndex(
                m_model->index(std::min(row, m_model->rowCount() - 1), column));
        }
    }

    void move(int delta)
    {
        const QModelIndex current = m_table->currentIndex();
        const int to = current.row() + delta;
        if (!current.isValid() || to < 0 || to >= m_model->rowCount()
            || !m_document->isEditable()) {
            return;
        }
        const qint64 id = m_model->rowId(current.row());
        if (!m_document->push(new MoveRowCommand(m_document, m_field.id, id, to))) {
            return; // the row stays, and the window says why
        }
        m_table->setCurrentIndex(m_model->index(m_model->rowOf(id), current.column()));
    }

    void updateButtons()
    {
        const int row = m_table->currentIndex().row();
        m_add->setEnabled(m_editable);
        m_remove->setEnabled(m_editable && row >= 0);
        m_up->setEnabled(m_editable && row > 0);
        m_down->setEnabled(m_editable && row >= 0 && row < m_model->rowCount() - 1);
    }

    ListModel *m_model;
    ListTable *m_table;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    bool m_editable = true;
};

// --- Group ---------------------------------------------------------------------------------

class GroupEditor : public FieldEditor
{
public:
    GroupEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
        : FieldEditor(document, field, parent)
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(Style::kGrid * 2, 0, 0, 0);
        layout->setSpacing(Style::kGrid * 2);
        for (const Core::Field &part : field.parts) {
            auto *box = new QVBoxLayout;
            box->setSpacing(4);
            // A label with a buddy reads '&' as a mnemonic: double it to show it.
            auto *label = new QLabel(QString(part.label).replace(u'&', QStringLiteral("&&")), this);
            label->setTextFormat(Qt::PlainText);
            label->setWordWrap(true);
            QFont font = label->font();
            font.setWeight(QFont::DemiBold);
            label->setFont(font);
            box->addWidget(label);
            if (!part.question.isEmpty()) {
                box->addWidget(Style::mute(Style::textLabel(part.question, this)));
            }
            FieldEditor *editor = FieldEditor::create(document, part, this);
            label->setBuddy(editor->focusTarget());
            box->addWidget(editor);
            layout->addLayout(box);
            m_parts.append(editor);
        }
    }

    void refresh() override
    {
        for (FieldEditor *part : std::as_const(m_parts)) {
            part->refresh();
        }
    }
    void commitPending() override
    {
        for (FieldEditor *part : std::as_const(m_parts)) {
            part->commitPending();
        }
    }
    void setEditable(bool editable) override
    {
        for (FieldEditor *part : std::as_const(m_parts)) {
            part->setEditable(editable);
        }
    }
    QWidget *focusTarget() const override { return m_parts.first()->focusTarget(); }

    FieldEditor *editorFor(const QString &fieldId) override
    {
        for (FieldEditor *part : std::as_const(m_parts)) {
            if (part->field().id == fieldId) {
                return part;
            }
        }
        return fieldId == m_field.id ? this : nullptr;
    }

private:
    QList<FieldEditor *> m_parts;
};

} // namespace

// --- FieldEditor ---------------------------------------------------------------------------

FieldEditor::FieldEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_field(field)
{
    connect(
        &document->workbook(), &Core::Workbook::valueChanged, this, [this](const QString &fieldId) {
            if (fieldId == m_field.id) {
                refresh();
            }
        });
    connect(document, &WorkbookDocument::flushRequested, this, [this] {
        commitPending();
    });
    connect(document, &WorkbookDocument::editableChanged, this, [this](bool editable) {
        setEditable(editable);
    });
}

FieldEditor *
FieldEditor::create(WorkbookDocument *document, const Core::Field &field, QWidget *parent)
{
    FieldEditor *editor = nullptr;
    switch (field.type) {
    case Core::FieldType::Text:
    case Core::FieldType::Due:
    case Core::FieldType::Date:
        editor = new TextEditor(document, field, parent);
        break;
    case Core::FieldType::LongText:
        editor = new LongTextEditor(document, field, parent);
        break;
    case Core::FieldType::Choice:
        editor = new ChoiceEditor(document, field, parent);
        break;
    case Core::FieldType::Checklist:
        editor = new ChecklistEditor(document, field, parent);
        break;
    case Core::FieldType::Number:
        editor = new NumberEditor(document, field, parent);
        break;
    case Core::FieldType::Flag:
        editor = new FlagEditor(document, field, parent);
        break;
    case Core::FieldType::List:
        editor = new ListEditor(document, field, parent);
        break;
    case Core::FieldType::Group:
        editor = new GroupEditor(document, field, parent);
        break;
    }
    editor->setEditable(document->isEditable());
    return editor;
}

void FieldEditor::focusLocation(const FieldLocation &, int, int)
{
    if (QWidget *target = focusTarget()) {
        target->setFocus(Qt::OtherFocusReason);
    }
}

QRect FieldEditor::showMatch(const FieldLocation &, int, int)
{
    clearMatch();
    m_highlight = new FindHighlight(this);
    return rect();
}

void FieldEditor::clearMatch()
{
    delete m_highlight;
}

FieldEditor *FieldEditor::editorFor(const QString &fieldId)
{
    return fieldId == m_field.id ? this : nullptr;
}

void FieldEditor::commitValue(const QVariant &value, int session)
{
    if (!m_document->isEditable()) {
        refresh();
        return;
    }
    auto normalized = Core::Values::normalize(m_field, value);
    if (!normalized || normalized.value() == m_document->workbook().value(m_field.id)) {
        return;
    }
    if (!m_document->push(new SetValueCommand(
            m_document, ValueTarget::field(m_field.id), normalized.value(), {}, session))) {
        // Refused or not written: show what the file holds unless editing stopped, in which
        // case what was typed stays on screen for the rescue copy.
        if (m_document->isEditable()) {
            refresh();
        }
    }
}

} // namespace Rallybook
