// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace Rallybook {

/** The window's colours: follow the system, or force light or dark. */
enum class Theme { System, Light, Dark };

/**
 * The one typed facade over QSettings: every key and default lives here (as KeePassXC's Config).
 * Core never sees settings; it receives plain values.
 */
class Settings
{
public:
    /** The settings of this user. */
    static Settings &instance();
    /** Makes instance() read and write `iniPath` instead, for tests. */
    static void useFileForTesting(const QString &iniPath);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    /** Most recent first; at most maxRecentFiles(). */
    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    static int maxRecentFiles() { return 10; }

    Theme theme() const;
    void setTheme(Theme theme);

    /** The language the studio checks spelling in ("en_US"); empty for the first installed. */
    QString spellingLanguage() const;
    void setSpellingLanguage(const QString &language);

    /** The folder last used in a file dialog. */
    QString lastFolder() const;
    void setLastFolder(const QString &folder);

    ~Settings();

private:
    explicit Settings(std::unique_ptr<QSettings> settings);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Rallybook
