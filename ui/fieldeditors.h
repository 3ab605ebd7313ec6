// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "ui/workbookdocument.h"

#include <QPointer>
#include <QWidget>

class QTimer;

namespace Rallybook {

class FindHighlight;

/**
 * An editor for one field of the definition, made for its type. It shows the workbook's value,
 * follows changes made elsewhere (undo, another view), and writes through undo commands: text is
 * committed within a second of the last keystroke and at once when focus leaves.
 */
class FieldEditor : public QWidget
{
    Q_OBJECT

public:
    /** Makes the editor for `field`'s type. */
    static FieldEditor *
    create(WorkbookDocument *document, const Core::Field &field, QWidget *parent);

    const Core::Field &field() const { return m_field; }
    /** Shows the workbook's current value (unless the user is typing in this editor). */
    virtual void refresh() = 0;
    /** Commits what is typed but not yet saved. */
    virtual void commitPending() {}
    virtual void setEditable(bool editable) = 0;
    /**
     * Moves keyboard focus into the editor: into the cell of a list row, and with the text
     * cursor after `length` characters from `start` when given (nothing is selected, so that a
     * key typed next never replaces text).
     */
    virtual void focusLocation(const FieldLocation &where, int start = -1, int length = 0);
    /**
     * Marks the find bar's current match (`length` characters from `start`, or the whole
     * field or cell when `start` is -1) without taking the keyboard and without touching the
     * text, the cursor's selection or the value: see FindHighlight. Returns the marked area in
     * this editor's coordinates, for the page to scroll to.
     */
    virtual QRect showMatch(const FieldLocation &where, int start, int length);
    /** Removes the mark of showMatch(). */
    virtual void clearMatch();
    /** The editor widget that takes focus first. */
    virtual QWidget *focusTarget() const = 0;
    /** The editor of a part or this one, for a full field or part id. */
    virtual FieldEditor *editorFor(const QString &fieldId);

protected:
    FieldEditor(WorkbookDocument *document, const Core::Field &field, QWidget *parent);
    /** Pushes a SetValueCommand when `value` differs from the workbook's. */
    void commitValue(const QVariant &value, int session = 0);

    WorkbookDocument *m_document;
    Core::Field m_field;
    /** The mark of showMatch(), for editors that mark with an overlay. */
    QPointer<FindHighlight> m_highlight;
};

} // namespace Rallybook
