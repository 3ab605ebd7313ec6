// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace Rallybook {

namespace {

// Every key, in one place.
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kRecent = QStringLiteral("files/recent");
const QString kLastFolder = QStringLiteral("files/lastFolder");
const QString kTheme = QStringLiteral("appearance/theme");
const QString kSpellingLanguage = QStringLiteral("studio/spellingLanguage");

std::unique_ptr<Settings> &slot()
{
    static std::unique_ptr<Settings> settings;
    return settings;
}

} // namespace

Settings::Settings(std::unique_ptr<QSettings> settings)
    : m_settings(std::move(settings))
{}

Settings::~Settings() = default;

Settings &Settings::instance()
{
    if (!slot()) {
        slot().reset(new Settings(std::make_unique<QSettings>()));
    }
    return *slot();
}

void Settings::useFileForTesting(const QString &iniPath)
{
    slot().reset(new Settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)));
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(kState, state);
}

QByteArray Settings::splitterState() const
{
    return m_settings->value(kSplitter).toByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(kSplitter, state);
}

QStringList Settings::recentFiles() const
{
    return m_settings->value(kRecent).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles()) {
        files.removeLast();
    }
    m_settings->setValue(kRecent, files);
}

void Settings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings->setValue(kRecent, files);
}

Theme Settings::theme() const
{
    const QString name = m_settings->value(kTheme).toString();
    if (name == QLatin1String("light")) {
        return Theme::Light;
    }
    if (name == QLatin1String("dark")) {
        return Theme::Dark;
    }
    return Theme::System;
}

void Settings::setTheme(Theme theme)
{
    const char *names[] = {"system", "light", "dark"};
    m_settings->setValue(kTheme, QLatin1String(names[int(theme)]));
}

QString Settings::spellingLanguage() const
{
    return m_settings->value(kSpellingLanguage).toString();
}

void Settings::setSpellingLanguage(const QString &language)
{
    m_settings->setValue(kSpellingLanguage, language);
}

QString Settings::lastFolder() const
{
    const QString folder = m_settings->value(kLastFolder).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir()) {
        return folder;
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

void Settings::setLastFolder(const QString &folder)
{
    m_settings->setValue(kLastFolder, folder);
}

} // namespace Rallybook
