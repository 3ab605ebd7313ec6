// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/studio/manifestoeditor.h"

#include "core/render/brand.h"
#include "core/textdiff.h"
#include "ui/commands/studiocommands.h"
#include "ui/dialogs.h"
#include "ui/fieldeditors.h"
#include "ui/settings.h"
#include "ui/spelling.h"
#include "ui/style.h"
#include "ui/typingcommitter.h"

#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Rallybook {

namespace {

// The manifesto's fields, by their roles in the definition (StudioPage shows this editor only
// for a definition that gives both roles).
QString bodyId(const WorkbookDocument *document)
{
    return document->definition().idFor(Core::Role::ManifestoBody);
}

QString titleId(const WorkbookDocument *document)
{
    return document->definition().idFor(Core::Role::ManifestoTitle);
}
constexpr qint64 kDraftRole = Qt::UserRole + 1;

QString duration(int seconds)
{
    if (seconds < 60) {
        return QCoreApplication::translate("Rallybook::ManifestoEditor", "%1 s").arg(seconds);
    }
    return QCoreApplication::translate("Rallybook::ManifestoEditor", "%1 min %2 s")
        .arg(seconds / 60)
        .arg(seconds % 60);
}

} // namespace

// --- PagePreview ---------------------------------------------------------------------------

PagePreview::PagePreview(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("manifestoPreview"));
    setMinimumSize(240, 320);
    setAccessibleName(tr("Manifesto as printed"));
}

void PagePreview::setContent(const QString &title, const QString &markdown)
{
    m_page.setContent(title, markdown);
    update();
}

void PagePreview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().color(QPalette::Mid));
    const QRectF page = m_page.pageRect();
    const QRectF content = m_page.contentRect();
    const auto fit = m_page.fit();
    // Show the whole page, and the overflow under it, at once.
    const qreal overflow = std::max<qreal>(0, content.top() + fit.usedHeight - page.height())
                           + (fit.fits ? 0 : content.top() / 2);
    const qreal margin = Style::kGrid * 2;
    const qreal scale = std::min((width() - 2 * margin) / page.width(),
                                 (height() - 2 * margin) / (page.height() + overflow));
    const QSizeF shown = page.size() * scale;
    painter.translate((width() - shown.width()) / 2, margin);
    // Paper and its shadow.
    painter.fillRect(QRectF(QPointF(3, 3), shown), QColor(0, 0, 0, 60));
    painter.fillRect(QRectF(QPointF(0, 0), shown), Qt::white);
    if (!fit.fits) {
        const QRectF spill(0, shown.height(), shown.width(), overflow * scale);
        painter.fillRect(spill, QColor(0xFF, 0xE5, 0xE2));
        QPen pen(Render::Brand::accent(false), 2, Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(0, shown.height()), QPointF(shown.width(), shown.height()));
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.85);
        painter.setFont(small);
        painter.drawText(QRectF(0, shown.height() + 2, shown.width() - 4, 40),
                         Qt::AlignRight | Qt::AlignTop,
                         tr("The page ends here"));
    }
    painter.scale(scale, scale);
    m_page.paint(&painter);
}

// --- ManifestoSourceEdit -------------------------------------------------------------------

QMenu *ManifestoSourceEdit::createMenuAt(int position)
{
    QMenu *menu = createStandardContextMenu();
    if (m_highlighter) {
        m_highlighter->addSpellingActions(menu, position);
    }
    return menu;
}

void ManifestoSourceEdit::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createMenuAt(cursorForPosition(event->pos()).position());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void ManifestoSourceEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F11) {
        emit focusModeExitRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

// --- ManifestoEditor -----------------------------------------------------------------------

ManifestoEditor::ManifestoEditor(WorkbookDocument *document,
                                 SpellChecker *spelling,
                                 QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_spelling(spelling)
{
    setObjectName(QStringLiteral("manifestoEditor"));
    const Core::Definition &definition = document->definition();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::kGrid * 2, Style::kGrid * 2, Style::kGrid * 2, Style::kGrid);
    layout->setSpacing(Style::kGrid);

    // Title, language, drafts and focus mode.
    auto *top = new QHBoxLayout;
    auto *titleLabel = new QLabel(tr("&Title"), this);
    top->addWidget(titleLabel);
    m_title = FieldEditor::create(document, *definition.field(titleId(m_document)), this);
    titleLabel->setBuddy(m_title->focusTarget());
    top->addWidget(m_title, 1);
    auto *languageLabel = new QLabel(tr("&Spelling"), this);
    top->addWidget(languageLabel);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("spellingLanguage"));
    languageLabel->setBuddy(m_language);
    m_language->addItem(tr("Off"), QString());
    for (const QString &language : SpellChecker::availableLanguages()) {
        const QLocale locale(language);
        m_language->addItem(
            QStringLiteral("%1 (%2)").arg(QLocale::languageToString(locale.language()),
                                          QLocale::territoryToString(locale.territory())),
            language);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_spelling->language())));
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        const QString language = m_language->currentData().toString();
        m_spelling->setLanguage(language);
        Settings::instance().setSpellingLanguage(language.isEmpty() ? QStringLiteral("-")
                                                                    : language);
    });
    top->addWidget(m_language);
    auto *focus = new QPushButton(tr("&Focus Mode"), this);
    focus->setObjectName(QStringLiteral("focusMode"));
    focus->setToolTip(tr("Write full screen in a centred column (F11; Esc to come back)"));
    connect(focus, &QPushButton::clicked, this, [this] {
        setFocusMode(true);
    });
    top->addWidget(focus);
    layout->addLayout(top);
    auto *f11 = new QShortcut(QKeySequence(Qt::Key_F11), this);
    f11->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f11, &QShortcut::activated, this, [this] {
        setFocusMode(!isFocusMode());
    });

    // Source beside the preview.
    m_splitter = new QSplitter(this);
    m_splitter->setChildrenCollapsible(false);
    auto *sourceBox = new QWidget(m_splitter);
    m_sourceLayout = new QVBoxLayout(sourceBox);
    m_sourceLayout->setContentsMargins(0, 0, 0, 0);
    m_source = new ManifestoSourceEdit(sourceBox);
    m_source->setObjectName(QStringLiteral("manifestoSource"));
    m_source->setAccessibleName(tr("Manifesto, in Markdown"));
    m_source->setPlaceholderText(definition.field(bodyId(m_document))->question);
    m_source->setTabChangesFocus(true);
    m_sourceLayout->addWidget(m_source);
    m_highlighter = new SpellHighlighter(m_source, m_spelling);
    m_source->setHighlighter(m_highlighter);
    connect(m_source, &ManifestoSourceEdit::focusModeExitRequested, this, [this] {
        setFocusMode(false);
    });
    m_splitter->addWidget(sourceBox);

    m_right = new QStackedWidget(m_splitter);
    m_preview = new PagePreview(m_right);
    m_right->addWidget(m_preview);
    auto *comparison = new QWidget(m_right);
    auto *comparisonLayout = new QVBoxLayout(comparison);
    comparisonLayout->setContentsMargins(0, 0, 0, 0);
    auto *comparisonTop = new QHBoxLayout;
    m_diffSummary = new QLabel(comparison);
    m_diffSummary->setObjectName(QStringLiteral("diffSummary"));
    m_diffSummary->setTextFormat(Qt::PlainText);
    m_diffSummary->setWordWrap(true);
    comparisonTop->addWidget(m_diffSummary, 1);
    auto *closeButton = new QPushButton(tr("Close Comparison"), comparison);
    closeButton->setObjectName(QStringLiteral("closeComparison"));
    connect(closeButton, &QPushButton::clicked, this, &ManifestoEditor::closeComparison);
    comparisonTop->addWidget(closeButton);
    comparisonLayout->addLayout(comparisonTop);
    auto *sides = new QHBoxLayout;
    m_diffBefore = new QTextEdit(comparison);
    m_diffBefore->setObjectName(QStringLiteral("diffBefore"));
    m_diffAfter = new QTextEdit(comparison);
    m_diffAfter->setObjectName(QStringLiteral("diffAfter"));
    for (QTextEdit *side : {m_diffBefore, m_diffAfter}) {
        side->setReadOnly(true);
        side->setAcceptRichText(false);
        sides->addWidget(side);
    }
    comparisonLayout->addLayout(sides, 1);
    m_right->addWidget(comparison);
    m_splitter->addWidget(m_right);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);

    // The meter, the counts and the checks that apply.
    auto *measures = new QHBoxLayout;
    m_meter = new QProgressBar(this);
    m_meter->setObjectName(QStringLiteral("pageMeter"));
    m_meter->setRange(0, 100);
    m_meter->setTextVisible(false);
    m_meter->setMaximumWidth(Style::kGrid * 20);
    m_meter->setAccessibleName(tr("How much of one page the manifesto fills"));
    measures->addWidget(m_meter);
    m_meterText = new QLabel(this);
    m_meterText->setObjectName(QStringLiteral("pageMeterText"));
    m_meterText->setTextFormat(Qt::PlainText);
    measures->addWidget(m_meterText);
    measures->addStretch(1);
    m_stats = new QLabel(this);
    m_stats->setObjectName(QStringLiteral("manifestoStats"));
    m_stats->setTextFormat(Qt::PlainText);
    measures->addWidget(m_stats);
    layout->addLayout(measures);
    m_findings = new QLabel(this);
    m_findings->setObjectName(QStringLiteral("manifestoFindings"));
    m_findings->setTextFormat(Qt::PlainText);
    m_findings->setWordWrap(true);
    layout->addWidget(m_findings);

    // Drafts.
    auto *draftsRow = new QHBoxLayout;
    m_drafts = new QListWidget(this);
    m_drafts->setObjectName(QStringLiteral("draftList"));
    m_drafts->setAccessibleName(tr("Drafts"));
    m_drafts->setMaximumHeight(m_drafts->fontMetrics().height() * 5 + Style::kGrid);
    draftsRow->addWidget(m_drafts, 1);
    auto *draftButtons = new QVBoxLayout;
    auto *save = new QPushButton(tr("Save &Draft As\u2026"), this);
    save->setObjectName(QStringLiteral("saveDraft"));
    connect(save, &QPushButton::clicked, this, &ManifestoEditor::saveDraftAs);
    m_compare = new QPushButton(tr("&Compare"), this);
    m_compare->setObjectName(QStringLiteral("compareDraft"));
    connect(m_compare, &QPushButton::clicked, this, [this] {
        compareDraft(selectedDraft());
    });
    m_restore = new QPushButton(tr("&Restore"), this);
    m_restore->setObjectName(QStringLiteral("restoreDraft"));
    connect(m_restore, &QPushButton::clicked, this, [this] {
        restoreDraft(selectedDraft());
    });
    m_delete = new QPushButton(tr("De&lete"), this);
    m_delete->setObjectName(QStringLiteral("deleteDraft"));
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedDraft()) {
            // A failure leaves the draft in the list; the window says why.
            if (m_document->push(new RemoveDraftCommand(m_document, id))) {
                closeComparison();
            }
        }
    });
    for (QPushButton *button : {save, m_compare, m_restore, m_delete}) {
        draftButtons->addWidget(button);
    }
    draftButtons->addStretch(1);
    draftsRow->addLayout(draftButtons);
    layout->addLayout(draftsRow);
    connect(m_drafts, &QListWidget::currentRowChanged, this, [this] {
        const bool chosen = selectedDraft() != 0;
        m_compare->setEnabled(chosen);
        m_restore->setEnabled(chosen && m_document->isEditable());
        m_delete->setEnabled(chosen && m_document->isEditable());
    });
    connect(m_drafts, &QListWidget::itemDoubleClicked, this, [this] {
        compareDraft(selectedDraft());
    });

    // Typing commits as in the section pages; the preview follows every keystroke.
    m_typing = new TypingCommitter(m_source, [this](int session) {
        const QString text = m_source->toPlainText();
        if (text != m_document->workbook().value(bodyId(m_document)).toString()) {
            // A failed write stops editing and the window says why; the text stays on screen
            // and goes into the rescue copy.
            if (!m_document->push(new SetValueCommand(
                    m_document, ValueTarget::field(bodyId(m_document)), text, {}, session))
                && m_document->isEditable()) {
                refreshText();
            }
        }
    });
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(120);
    connect(m_previewTimer, &QTimer::timeout, this, &ManifestoEditor::updatePreview);
    connect(m_source, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingText) {
            m_typing->changed();
        }
        updateMeasures();
        m_previewTimer->start();
    });
    const Core::Workbook *workbook = &document->workbook();
    connect(workbook, &Core::Workbook::valueChanged, this, [this](const QString &fieldId) {
        if (fieldId == bodyId(m_document)) {
            refreshText();
        } else if (fieldId == titleId(m_document)) {
            m_title->refresh();
            updatePreview();
        } else if (fieldId == m_document->definition().idFor(Core::Role::TribeName)
                   || fieldId == m_document->definition().idFor(Core::Role::IdentityLine)) {
            // The manifesto's identity check (docs/content-rules.md) reads them too.
            updateMeasures();
        }
    });
    connect(workbook, &Core::Workbook::draftAdded, this, &ManifestoEditor::refreshDrafts);
    connect(workbook, &Core::Workbook::draftRemoved, this, [this](qint64 id) {
        if (id == m_comparedDraft) {
            closeComparison();
        }
        refreshDrafts();
    });
    connect(document, &WorkbookDocument::flushRequested, this, &ManifestoEditor::commitPending);
    connect(document, &WorkbookDocument::editableChanged, this, &ManifestoEditor::setEditable);

    refreshText();
    refreshDrafts();
    setEditable(document->isEditable());
}

ManifestoEditor::~ManifestoEditor()
{
    setFocusMode(false);
}

void ManifestoEditor::commitPending()
{
    m_typing->flush();
    m_title->commitPending();
}

void ManifestoEditor::setEditable(bool editable)
{
    m_source->setReadOnly(!editable);
    m_title->setEditable(editable);
    for (QWidget *widget : findChildren<QPushButton *>(QStringLiteral("saveDraft"))) {
        widget->setEnabled(editable);
    }
    const bool chosen = selectedDraft() != 0;
    m_restore->setEnabled(chosen && editable);
    m_delete->setEnabled(chosen && editable);
    m_compare->setEnabled(chosen);
}

void ManifestoEditor::refreshText()
{
    if (m_typing->isPending()) {
        return;
    }
    const QString text = m_document->workbook().value(bodyId(m_document)).toString();
    if (m_source->toPlainText() != text) {
        m_settingText = true;
        m_source->setPlainText(text);
        m_settingText = false;
    }
    updateMeasures();
    updatePreview();
}

void ManifestoEditor::updatePreview()
{
    m_previewTimer->stop();
    m_preview->setContent(m_document->workbook().value(titleId(m_document)).toString(),
                          m_source->toPlainText());
    const auto fit = m_preview->page().fit();
    m_meter->setValue(std::min(100, int(fit.fraction * 100 + 0.5)));
    QPalette palette = m_meter->palette();
    palette.setColor(QPalette::Highlight,
                     fit.fits ? Style::accent()
                              : Render::Brand::severityColor(Core::Severity::Warning));
    m_meter->setPalette(palette);
    QString text;
    if (fit.truncated) {
        text = tr("Over one page: the text is longer than 1 MiB and only its start is shown.");
    } else if (fit.fits) {
        text = (fit.linesLeft == 1 ? tr("Fits on one page: 1 line left")
                                   : tr("Fits on one page: %1 lines left").arg(fit.linesLeft));
    } else {
        text = (fit.linesLeft == -1 ? tr("Over one page by 1 line")
                                    : tr("Over one page by %1 lines").arg(-fit.linesLeft));
    }
    m_meterText->setText(text);
    m_meter->setAccessibleDescription(text);
}

void ManifestoEditor::updateMeasures()
{
    const QString text = m_source->toPlainText();
    const int words = m_document->textStats(text).words;
    m_stats->setText((words == 1 ? tr("1 word") : tr("%1 words").arg(words))
                     + QStringLiteral("  \u00b7  ")
                     + tr("%1 to read, %2 aloud")
                           .arg(duration(Core::TextDiff::readingSeconds(words)),
                                duration(Core::TextDiff::speakingSeconds(words))));
    // The readiness findings about the manifesto (TL-C2 to TL-C4), as the checks report them.
    QStringList findings;
    for (const Core::Finding &finding : m_document->readiness().findingsFor(bodyId(m_document))) {
        if (finding.fields.value(0) == bodyId(m_document)) {
            findings.append(QStringLiteral("%1: %2 %3")
                                .arg(Render::Brand::severityWord(finding.severity),
                                     finding.title,
                                     finding.message));
        }
    }
    m_findings->setText(findings.join(u'\n'));
    m_findings->setVisible(!findings.isEmpty());
}

void ManifestoEditor::refreshDrafts()
{
    const qint64 selected = selectedDraft();
    m_drafts->clear();
    const QList<Core::Draft> &drafts = m_document->workbook().drafts();
    for (auto it = drafts.crbegin(); it != drafts.crend(); ++it) {
        const QString when = QLocale().toString(it->created.toLocalTime(), QLocale::ShortFormat);
        auto *item = new QListWidgetItem(tr("%1  \u2014  %2  \u00b7  %3 words")
                                             .arg(it->name, when)
                                             .arg(m_document->textStats(it->body).words),
                                         m_drafts);
        item->setData(kDraftRole, it->id);
        if (it->id == selected) {
            m_drafts->setCurrentItem(item);
        }
    }
    if (drafts.isEmpty()) {
        auto *none =
            new QListWidgetItem(tr("No drafts yet. \u201cSave Draft As\u201d keeps the text "
                                   "as it is now, to compare or go back to."),
                                m_drafts);
        none->setFlags(Qt::NoItemFlags);
    }
    setEditable(m_document->isEditable());
}

qint64 ManifestoEditor::selectedDraft() const
{
    const QListWidgetItem *item = m_drafts->currentItem();
    return item ? item->data(kDraftRole).toLongLong() : 0;
}

void ManifestoEditor::saveDraftAs()
{
    commitPending();
    const QString suggested =
        tr("Draft %1").arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    const QString name =
        Dialogs::text(this, tr("Save Draft As"), tr("Name of the draft:"), suggested);
    if (name.trimmed().isEmpty()) {
        return;
    }
    auto *command = new AddDraftCommand(m_document, name, m_source->toPlainText());
    // After a failure the command is gone (and the window says why); after success it is on the
    // history, so its draft id can be read.
    if (!m_document->push(command)) {
        return;
    }
    for (int i = 0; i < m_drafts->count(); ++i) {
        if (m_drafts->item(i)->data(kDraftRole).toLongLong() == command->draftId()) {
            m_drafts->setCurrentRow(i);
        }
    }
}

void ManifestoEditor::restoreDraft(qint64 draftId)
{
    const Core::Draft *draft = m_document->workbook().draft(draftId);
    if (!draft || !m_document->isEditable()) {
        return;
    }
    commitPending();
    // A failure keeps the comparison open; the window says why.
    if (m_document->push(
            new SetValueCommand(m_document,
                                ValueTarget::field(bodyId(m_document)),
                                draft->body,
                                tr("Restore draft \u201c%1\u201d").arg(draft->name)))) {
        closeComparison();
    }
}

void ManifestoEditor::compareDraft(qint64 draftId)
{
    const Core::Draft *draft = m_document->workbook().draft(draftId);
    if (!draft) {
        return;
    }
    m_comparedDraft = draftId;
    const Core::TextDiff::Diff diff =
        Core::TextDiff::diffWords(draft->body, m_source->toPlainText());
    const QColor removed = Style::isDark() ? QColor(0x6B, 0x21, 0x1C) : QColor(0xFF, 0xD6, 0xD2);
    const QColor added = Style::isDark() ? QColor(0x1E, 0x4D, 0x2B) : QColor(0xCF, 0xF0, 0xD6);
    auto fill = [](QTextEdit *edit,
                   const QList<Core::TextDiff::DiffPart> &parts,
                   const QColor &mark,
                   bool strike) {
        edit->clear();
        QTextCursor cursor(edit->document());
        for (const auto &part : parts) {
            QTextCharFormat format;
            if (part.kind != Core::TextDiff::DiffPart::Kind::Same) {
                format.setBackground(mark);
                format.setFontStrikeOut(strike);
                format.setFontUnderline(!strike);
            }
            cursor.insertText(part.text, format);
        }
    };
    fill(m_diffBefore, diff.before, removed, true);
    fill(m_diffAfter, diff.after, added, false);
    m_diffSummary->setText(tr("Left: the draft \u201c%1\u201d, words removed since struck through. "
                              "Right: the manifesto now, words added underlined. %2 removed, %3 "
                              "added.")
                               .arg(draft->name)
                               .arg(diff.wordsRemoved)
                               .arg(diff.wordsAdded));
    m_right->setCurrentIndex(1);
}

void ManifestoEditor::closeComparison()
{
    m_comparedDraft = 0;
    m_right->setCurrentIndex(0);
}

void ManifestoEditor::setFocusMode(bool on)
{
    if (on == isFocusMode()) {
        return;
    }
    if (on) {
        // A full-screen window holds the same editor in a centred reading column.
        m_focusWindow = new QWidget(nullptr, Qt::Window);
        m_focusWindow->setObjectName(QStringLiteral("focusWindow"));
        m_focusWindow->setWindowTitle(tr("Manifesto \u2014 Rallybook"));
        m_focusWindow->setAutoFillBackground(true);
        QPalette palette = m_focusWindow->palette();
        palette.setColor(QPalette::Window, palette.color(QPalette::Base));
        m_focusWindow->setPalette(palette);
        auto *row = new QHBoxLayout(m_focusWindow);
        row->setContentsMargins(0, Style::kGrid * 6, 0, Style::kGrid * 6);
        row->addStretch(1);
        m_source->setParent(m_focusWindow);
        m_source->setMaximumWidth(Style::readingWidth() * 13 / 10);
        m_source->setFrameShape(QFrame::NoFrame);
        QFont larger = m_source->font();
        larger.setPointSizeF(QApplication::font().pointSizeF() * 1.3);
        m_source->setFont(larger);
        row->addWidget(m_source, 100);
        row->addStretch(1);
        m_focusWindow->showFullScreen();
        m_source->show();
        m_source->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_source->setParent(nullptr);
    m_source->setMaximumWidth(QWIDGETSIZE_MAX);
    m_source->setFrameShape(QFrame::StyledPanel);
    m_source->setFont(QApplication::font());
    m_sourceLayout->addWidget(m_source);
    m_source->show();
    delete m_focusWindow;
    m_focusWindow = nullptr;
    m_source->setFocus(Qt::OtherFocusReason);
}

} // namespace Rallybook
