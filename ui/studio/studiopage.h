// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/workbookdocument.h"

#include <QWidget>

class QTabWidget;

namespace Rallybook {

class ManifestoEditor;
class SpellChecker;
class Storyboard;
class WallpaperDesigner;

/**
 * The Title of Liberty studio, a page of its own after the seven sections: the one-page
 * manifesto, the mini manifesto wallpaper and the video title sequence, each on a tab.
 */
class StudioPage : public QWidget
{
    Q_OBJECT

public:
    explicit StudioPage(WorkbookDocument *document, QWidget *parent = nullptr);
    ~StudioPage() override;

    /** The manifesto tab; nullptr for a definition without the manifesto's roles. */
    ManifestoEditor *manifesto() const { return m_manifesto; }
    /** The wallpaper tab; nullptr for a definition without a mini manifesto. */
    WallpaperDesigner *wallpaper() const { return m_wallpaper; }
    Storyboard *storyboard() const { return m_storyboard; }
    SpellChecker *spelling() const { return m_spelling; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    SpellChecker *m_spelling;
    QTabWidget *m_tabs;
    ManifestoEditor *m_manifesto = nullptr;
    WallpaperDesigner *m_wallpaper = nullptr;
    Storyboard *m_storyboard;
};

} // namespace Rallybook
