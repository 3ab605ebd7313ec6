// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/workbook.h"
#include "core/workbookjson.h"
#include "ui/settings.h"
#include "ui/style.h"

#include <QDate>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

/** What every window test needs: its own settings, a fixed palette, workbooks to open. */
namespace UiTestUtil {

/**
 * Settings in `dir`, the light palette, and any Qt warning fails the test (but the offscreen
 * plugin's note on size hints). Call from init().
 */
inline void start(const QTemporaryDir &dir)
{
    Rallybook::Settings::useFileForTesting(dir.filePath(QStringLiteral("settings.ini")));
    Rallybook::Style::applyTheme(Rallybook::Theme::Light);
    QTest::failOnWarning(QRegularExpression(
        QStringLiteral("^(?!This plugin does not support propagateSizeHints).*")));
}

/** A new blank workbook in `dir`; empty on failure. */
inline QString newBlank(const QTemporaryDir &dir,
                        const QString &name = QStringLiteral("blank.rallybook"))
{
    const QString path = dir.filePath(name);
    const auto definition = Rallybook::Core::Definition::standard().value();
    return Rallybook::Core::Workbook::create(path, definition, {}).ok() ? path : QString();
}

/** The Shipwrights demo in `dir`, dated today (the window's checks run on today's date). */
inline QString newDemo(const QTemporaryDir &dir,
                       const QString &name = QStringLiteral("demo.rallybook"))
{
    const QString path = dir.filePath(name);
    const auto definition = Rallybook::Core::Definition::standard().value();
    auto content = Rallybook::Core::WorkbookJson::demoContent(definition, QDate::currentDate());
    if (!content || !Rallybook::Core::Workbook::create(path, definition, content.value()).ok()) {
        return {};
    }
    return path;
}

/** A child widget by object name; warns (and so fails the test) when there is none. */
template<typename T>
T *find(QWidget *root, const QString &name)
{
    T *widget = root->findChild<T *>(name);
    if (!widget) {
        qWarning("no widget %s", qPrintable(name));
    }
    return widget;
}

} // namespace UiTestUtil
