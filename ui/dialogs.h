// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QColor>
#include <QMessageBox>
#include <QString>

class QWidget;

namespace Rallybook {

/**
 * Every modal question and file dialog of the window goes through here, so that tests can give
 * the next answer instead of a user (KeePassXC's MessageBox::setNextAnswer). User data is always
 * shown as plain text.
 */
class Dialogs
{
public:
    /** Shows an error: what failed and why (the message), with the technical detail folded. */
    static void error(QWidget *parent, const QString &title, const Core::Error &error);
    static QMessageBox::StandardButton question(QWidget *parent,
                                                const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static QString openFileName(QWidget *parent, const QString &title);
    static QString
    saveFileName(QWidget *parent, const QString &title, const QString &suggestedName);
    /** A file to export to: `filter` such as "PNG images (*.png)", `extension` such as ".png". */
    static QString exportFileName(QWidget *parent,
                                  const QString &title,
                                  const QString &suggestedName,
                                  const QString &filter,
                                  const QString &extension);
    /** An image to read (PNG or JPEG). */
    static QString openImageName(QWidget *parent, const QString &title);
    /** A folder to write into. */
    static QString folderName(QWidget *parent, const QString &title);
    /** One line of text, such as a draft's name; empty when cancelled. */
    static QString
    text(QWidget *parent, const QString &title, const QString &label, const QString &initial);
    /** A colour; invalid when cancelled. */
    static QColor color(QWidget *parent, const QString &title, const QColor &initial);

    /** Test seams: the next call answers this without showing anything. */
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static void setNextFileName(const QString &path);
    static void setNextText(const QString &text);
    static void setNextColor(const QColor &color);
    /** The text of the last message shown or answered, for tests. */
    static QString lastMessage();
};

} // namespace Rallybook
