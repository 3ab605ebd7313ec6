// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/manifesto.h"
#include "core/render/pagestyle.h"
#include "core/render/titlesequence.h"
#include "core/render/wallpaper.h"
#include "core/text.h"
#include "core/textdiff.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include "tests/core/testutil.h"

using namespace Rallybook;
using namespace Rallybook::Render;

namespace {

QString words(int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i) {
        list.append(i % 12 == 11 ? QStringLiteral("shipwrights.") : QStringLiteral("ship"));
    }
    return list.join(u' ');
}

int pdfPages(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return int(QString::fromLatin1(pdf).count(page));
}

/** True when every pixel outside `inside` has the colour of `background`. */
bool onlyBackgroundOutside(const QImage &image, const QRect &inside, QRgb background)
{
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (!inside.contains(x, y) && (line[x] & 0xFFFFFF) != (background & 0xFFFFFF)) {
                return false;
            }
        }
    }
    return true;
}

QRect inkBounds(const QImage &image, QRgb background)
{
    QRect bounds;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if ((line[x] & 0xFFFFFF) != (background & 0xFFFFFF)) {
                bounds |= QRect(x, y, 1, 1);
            }
        }
    }
    return bounds;
}

} // namespace

/** Headless rendering: wallpaper PNGs, title sequence SRT, PDF and frames, the manifesto page. */
class TestRender : public QObject
{
    Q_OBJECT

private slots:
    void wallpaperExportsAtEachSizeWithTextInsideTheSafeArea_data()
    {
        QTest::addColumn<QSize>("size");
        for (const auto &screen : Wallpaper::standardSizes()) {
            const QByteArray tag = QStringLiteral("%1x%2")
                                       .arg(screen.size.width())
                                       .arg(screen.size.height())
                                       .toLatin1();
            QTest::newRow(tag.constData()) << screen.size;
        }
        QTest::newRow("custom-800x1000") << QSize(800, 1000);
    }

    void wallpaperExportsAtEachSizeWithTextInsideTheSafeArea()
    {
        QFETCH(QSize, size);
        QTemporaryDir dir;
        Wallpaper::Design design;
        design.background = Wallpaper::Background::Solid;
        const QString text = QStringLiteral(
            "I'm a Shipwright. I build small things people pay for. I ask before I build and "
            "ship before I polish. The next thing I ship is mine.");
        const QString path = dir.filePath(QStringLiteral("wall.png"));
        auto done = Wallpaper::exportPng(design, text, size, {}, path, false);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message));

        QImageReader reader(path, "png");
        QCOMPARE(reader.size(), size);
        const QImage image = reader.read();
        QCOMPARE(image.size(), size);
        const QRect safe = Wallpaper::safeArea(design, size);
        if (size.height() > size.width()) {
            QCOMPARE(safe.top(), size.height() * Wallpaper::kPhoneClockPercent / 100);
            QCOMPARE(size.height() - safe.bottom() - 1,
                     size.height() * Wallpaper::kPhoneControlsPercent / 100);
        }
        const QRect ink = inkBounds(image, design.color.rgb());
        QVERIFY2(!ink.isEmpty(), "no text was drawn");
        QVERIFY2(safe.contains(ink),
                 qPrintable(QStringLiteral("text at %1,%2 %3x%4 outside")
                                .arg(ink.x())
                                .arg(ink.y())
                                .arg(ink.width())
                                .arg(ink.height())));
        QVERIFY(onlyBackgroundOutside(image, safe, design.color.rgb()));
        // An existing file is left alone unless replacing is asked for.
        QVERIFY(!Wallpaper::exportPng(design, text, size, {}, path, false).ok());
    }

    void wallpaperTextShrinksThenRefusesWhenItCannotFit()
    {
        Wallpaper::Design design;
        design.fontSize = 120;
        const QSize phone(1170, 2532);
        const auto shrunk = Wallpaper::render(design, words(40), phone);
        QVERIFY(shrunk.fits);
        QVERIFY(shrunk.shrunk);
        QVERIFY(shrunk.fontPixelSize < 120);
        QVERIFY(shrunk.safeArea.contains(shrunk.textRect));

        const auto tooLong = Wallpaper::render(design, words(600), phone);
        QVERIFY(!tooLong.fits);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.png"));
        auto refused = Wallpaper::exportPng(design, words(600), phone, {}, path, false);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("does not fit")),
                 qPrintable(refused.error().message));
        QVERIFY(!QFile::exists(path));
    }

    void wallpaperDesignRoundTripsThroughJson()
    {
        Wallpaper::Design design;
        design.background = Wallpaper::Background::Image;
        design.alignment = Qt::AlignLeft;
        design.fontSize = 88;
        design.safeTop = 25;
        design.size = QSize(1080, 2400);
        QCOMPARE(Wallpaper::Design::fromJson(design.toJson()), design);
        QCOMPARE(Wallpaper::Design::fromJson(QStringLiteral("not json")), Wallpaper::Design());
        QCOMPARE(Wallpaper::parseSize(QStringLiteral("1170x2532")), QSize(1170, 2532));
        QVERIFY(!Wallpaper::parseSize(QStringLiteral("1170")).isValid());
        QVERIFY(!Wallpaper::parseSize(QStringLiteral("99999x10")).isValid());
    }

    void backgroundImagesAreReadWithinLimits()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("bg.png"));
        QImage picture(400, 300, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        QVERIFY(picture.save(png, "PNG"));
        auto stored = Wallpaper::importImage(png);
        QVERIFY(stored.ok());
        QCOMPARE(Wallpaper::decodeStoredImage(stored.value()).size(), QSize(400, 300));

        const QString text = dir.filePath(QStringLiteral("fake.png"));
        QVERIFY(TestUtil::writeAll(text, "<svg onload='x'/>"));
        QVERIFY(!Wallpaper::importImage(text).ok());
        // A PNG header that claims 100000 x 100000 pixels is refused before decoding.
        QByteArray huge("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        huge += QByteArray::fromHex("000186a0000186a00802000000");
        huge += QByteArray::fromHex("27309c9f"); // the chunk's CRC
        huge += QByteArray::fromHex("0000000049444154"
                                    "35af061e"); // an empty IDAT
        huge += QByteArray::fromHex("0000000049454e44"
                                    "ae426082"); // IEND
        const QString bomb = dir.filePath(QStringLiteral("bomb.png"));
        QVERIFY(TestUtil::writeAll(bomb, huge));
        auto refused = Wallpaper::importImage(bomb);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("too large")),
                 qPrintable(refused.error().message));
    }

    void srtHasNumberedCuesWithTheBeatsTimings()
    {
        TitleSequence::Sequence sequence;
        sequence.beats = {
            {QStringLiteral("leader"), QStringLiteral("Dana Okafor"), 4000, {}},
            {QStringLiteral("movement"), QStringLiteral("Shipwrights"), 2500, {}},
            {QStringLiteral("custom"), QString(), 1000, {}},
            {QStringLiteral("identity"), QStringLiteral("You're a Shipwright."), 61234, {}}};
        const QString srt = QString::fromUtf8(TitleSequence::toSrt(sequence));
        const QStringList cues = srt.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
        QCOMPARE(cues.size(), 3);
        static const QRegularExpression timing(QStringLiteral(
            "^(\\d{2}):(\\d{2}):(\\d{2}),(\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2}),(\\d{3})$"));
        auto ms = [](const QRegularExpressionMatch &m, int first) {
            return ((m.captured(first).toInt() * 60 + m.captured(first + 1).toInt()) * 60
                    + m.captured(first + 2).toInt())
                       * 1000
                   + m.captured(first + 3).toInt();
        };
        const QList<QPair<int, int>> expected = {{0, 4000}, {4000, 6500}, {7500, 68734}};
        const QStringList texts = {QStringLiteral("Dana Okafor"),
                                   QStringLiteral("Shipwrights"),
                                   QStringLiteral("You're a Shipwright.")};
        for (int i = 0; i < cues.size(); ++i) {
            const QStringList lines = cues.at(i).split(u'\n');
            QCOMPARE(lines.size(), 3);
            QCOMPARE(lines.at(0), QString::number(i + 1));
            const auto match = timing.match(lines.at(1));
            QVERIFY2(match.hasMatch(), qPrintable(lines.at(1)));
            QCOMPARE(ms(match, 1), expected.at(i).first);
            QCOMPARE(ms(match, 5), expected.at(i).second);
            QCOMPARE(lines.at(2), texts.at(i));
        }
    }

    void slidesPdfHasOnePagePerBeatAndFramesAreFullHd()
    {
        QTemporaryDir dir;
        auto workbook = TestUtil::createDemo(dir.filePath(QStringLiteral("demo.rallybook")));
        QVERIFY(workbook);
        const auto sequence = TitleSequence::Sequence::of(*workbook);
        QCOMPARE(sequence.beats.size(), 6);
        QVERIFY(!sequence.edited);
        QCOMPARE(sequence.beats.at(4).text, QStringLiteral("Permission culture"));
        QCOMPARE(sequence.totalMilliseconds(), 24000);

        const QString pdf = dir.filePath(QStringLiteral("slides.pdf"));
        QVERIFY(TitleSequence::exportFile(sequence, pdf, false).ok());
        QCOMPARE(pdfPages(TestUtil::readAll(pdf)), 6);
        auto shorter = sequence;
        shorter.beats.removeLast();
        QCOMPARE(pdfPages(TitleSequence::toPdf(shorter)), 5);
        QVERIFY(!TitleSequence::exportFile(sequence, dir.filePath(QStringLiteral("x.txt")), false)
                     .ok());

        const QString frames = dir.filePath(QStringLiteral("frames"));
        QVERIFY(QDir().mkpath(frames));
        auto written = TitleSequence::exportFrames(sequence, frames, false);
        QVERIFY(written.ok());
        QCOMPARE(written->size(), 6);
        QVERIFY(written->first().endsWith(QStringLiteral("title-01-leader.png")));
        for (const QString &file : written.value()) {
            QCOMPARE(QImageReader(file, "png").size(), QSize(1920, 1080));
        }
    }

    void storyboardRoundTripsAndRejectsMalformedJson()
    {
        TitleSequence::Sequence sequence;
        sequence.edited = true;
        sequence.beats = {{QStringLiteral("fight"),
                           QStringLiteral("Permission culture"),
                           3000,
                           QColor(0x12, 0x34, 0x56)}};
        auto back = TitleSequence::Sequence::fromJson(sequence.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back.value(), sequence);
        QVERIFY(!TitleSequence::Sequence::fromJson(QStringLiteral("[1,2")).ok());
    }

    void manifestoPageMeasuresByLayout()
    {
        ManifestoPage page;
        page.setContent(QStringLiteral("The Shipwright Manifesto"), words(120));
        QVERIFY(page.fit().fits);
        QVERIFY(page.fit().linesLeft > 10);
        // Short paragraphs take more room than their words: the meter counts the layout.
        QStringList paragraphs;
        for (int i = 0; i < 60; ++i) {
            paragraphs.append(QStringLiteral("We ship."));
        }
        page.setContent(QString(), paragraphs.join(QStringLiteral("\n\n")));
        QVERIFY(!page.fit().fits);
        QVERIFY(page.fit().linesLeft < 0);
        QVERIFY(Core::Text::wordCount(paragraphs.join(u' ')) < 400);
        // The plan's reading column: at most 430 pt wide, centred.
        const qreal column = 430.0 / 72 * PageStyle::kResolution;
        QVERIFY(page.contentRect().width() <= column + 8);
        QVERIFY(qAbs(page.contentRect().center().x() - page.pageRect().center().x()) < 8);
    }

    void manifestoIsInkOnPaperInADarkTheme()
    {
        // A dark window palette must not turn the printed page's text light.
        const QPalette saved = QGuiApplication::palette();
        QPalette dark = saved;
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe6, 0xe3));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe6, 0xe3));
        QGuiApplication::setPalette(dark);
        ManifestoPage page;
        page.setContent(QStringLiteral("Title"), QStringLiteral("Body text that must stay dark."));
        const QRectF content = page.contentRect();
        QImage image(
            int(content.right() / 10) + 1, int(content.top() / 10) + 400, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.scale(0.1, 0.1);
        page.paint(&painter);
        painter.end();
        QGuiApplication::setPalette(saved);
        int darkest = 255;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                darkest = std::min(darkest, qGray(image.pixel(x, y)));
            }
        }
        QVERIFY2(darkest < 80, qPrintable(QString::number(darkest)));
    }

    void markdownFetchesNothing()
    {
        ManifestoPage page;
        page.setContent(
            QString(),
            QStringLiteral("Look ![x](file:///etc/hostname) and ![y](https://example.org/a.png) "
                           "<img src=\"file:///etc/passwd\">"));
        const QString text = page.document().toPlainText();
        QVERIFY2(text.contains(QStringLiteral("[file:///etc/hostname]")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("<img src=")), qPrintable(text));
        for (QTextBlock block = page.document().begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                QVERIFY(!it.fragment().charFormat().isImageFormat());
            }
        }
        InertTextDocument document;
        QVERIFY(!document
                     .resource(QTextDocument::ImageResource,
                               QUrl(QStringLiteral("data:image/png;base64,iVBORw0KGgo=")))
                     .isValid());
    }

    void draftsAreComparedWordByWord()
    {
        using namespace Core::TextDiff;
        QCOMPARE(readingSeconds(200), 60);
        QCOMPARE(speakingSeconds(130), 60);
        const Diff diff = diffWords(QStringLiteral("We ship small things."),
                                    QStringLiteral("We ship  small, useful things."));
        QCOMPARE(diff.wordsRemoved, 1); // "small" became "small,"
        QCOMPARE(diff.wordsAdded, 2);   // "small," and "useful"
        QCOMPARE(diff.before.size(), 3);
        QCOMPARE(diff.before.at(1).kind, DiffPart::Kind::Removed);
        QCOMPARE(diff.before.at(1).text, QStringLiteral("small "));
    }
};

QTEST_MAIN(TestRender)
#include "tst_render.moc"
