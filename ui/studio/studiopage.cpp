// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/studio/studiopage.h"

#include "ui/settings.h"
#include "ui/spelling.h"
#include "ui/studio/manifestoeditor.h"
#include "ui/studio/storyboard.h"
#include "ui/studio/wallpaperdesigner.h"
#include "ui/workbookdocument.h"

#include <QLocale>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Rallybook {

namespace {

/** The saved language, else the user's locale's, else the first installed; "-" is off. */
QString chosenLanguage()
{
    const QString saved = Settings::instance().spellingLanguage();
    if (saved == QLatin1String("-")) {
        return {};
    }
    const QStringList available = SpellChecker::availableLanguages();
    for (const QString &candidate : {saved, QLocale().name(), QStringLiteral("en_US")}) {
        if (available.contains(candidate)) {
            return candidate;
        }
    }
    return available.value(0);
}

} // namespace

StudioPage::StudioPage(WorkbookDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_spelling(new SpellChecker(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("studioPage"));
    m_spelling->setLanguage(chosenLanguage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs->setDocumentMode(true);
    // Each tab edits the fields with its roles; a definition without them has no such tab.
    const Core::Definition &definition = document->definition();
    if (definition.fieldFor(Core::Role::ManifestoTitle)
        && definition.fieldFor(Core::Role::ManifestoBody)) {
        m_manifesto = new ManifestoEditor(document, m_spelling, m_tabs);
        m_tabs->addTab(m_manifesto, tr("&Manifesto"));
    }
    if (definition.fieldFor(Core::Role::MiniManifesto)) {
        m_wallpaper = new WallpaperDesigner(document, m_tabs);
        m_tabs->addTab(m_wallpaper, tr("Mini Manifesto &Wallpaper"));
    }
    m_storyboard = new Storyboard(document, m_tabs);
    m_tabs->addTab(m_storyboard, tr("&Video Title Sequence"));
    layout->addWidget(m_tabs);
}

StudioPage::~StudioPage() = default;

} // namespace Rallybook
