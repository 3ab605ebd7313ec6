// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text.h"
#include "core/workbookjson.h"

#include <QTest>

#include "testutil.h"

using namespace Rallybook::Core;

/** Word and sentence counting and word-list matching, on tricky input. */
class TestText : public QObject
{
    Q_OBJECT

private:
    static QStringList abbreviations()
    {
        return TestUtil::definition()
            .constants()
            .value(QStringLiteral("abbreviations"))
            .toVariant()
            .toStringList();
    }

    static QString demoText(const QString &fieldId)
    {
        const auto def = TestUtil::definition();
        return WorkbookJson::demoContent(def, TestUtil::today())
            .value()
            .values.value(fieldId)
            .toString();
    }

private slots:
    void abbreviationsComeFromTheDefinition()
    {
        const QStringList list = abbreviations();
        for (const char *a : {"e.g.",
                              "i.e.",
                              "Dr.",
                              "Mr.",
                              "Mrs.",
                              "Ms.",
                              "St.",
                              "etc.",
                              "vs.",
                              "Prof.",
                              "Jr.",
                              "Sr."}) {
            QVERIFY2(list.contains(QLatin1String(a)), a);
        }
    }

    void wordCount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("words");
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("white-space-only") << QStringLiteral(" \t\n  ") << 0;
        QTest::newRow("punctuation-only") << QStringLiteral("... -- !?") << 0;
        QTest::newRow("one-word") << QStringLiteral("Ship") << 1;
        QTest::newRow("apostrophe") << QStringLiteral("I'm a Shipwright.") << 3;
        QTest::newRow("typographic-apostrophe") << QStringLiteral("Don\u2019t stop") << 2;
        QTest::newRow("hyphenated") << QStringLiteral("a co-founder") << 2;
        QTest::newRow("dashed-compound")
            << QStringLiteral("the Ask\u2013Build\u2013Ship loop") << 3;
        QTest::newRow("spaced-dash-is-not-a-word")
            << QStringLiteral("ship \u2013 then polish") << 3;
        QTest::newRow("abbreviation") << QStringLiteral("e.g. this one") << 3;
        QTest::newRow("title") << QStringLiteral("Ask Dr. Okafor") << 3;
        QTest::newRow("decimal-and-money") << QStringLiteral("$4,200/month at 3.5%") << 3;
        QTest::newRow("multiple-spaces-and-lines")
            << QStringLiteral("one   two\n\nthree\tfour") << 4;
        QTest::newRow("emoji-between-words")
            << QStringLiteral("\U0001F680 Ship it \U0001F469\u200D\U0001F4BB") << 2;
        QTest::newRow("emoji-only")
            << QStringLiteral("\U0001F680\U0001F389 \U0001F44D\U0001F3FD") << 0;
        QTest::newRow("hashtag") << QStringLiteral("post with #shipwrights") << 3;
        QTest::newRow("russian") << QStringLiteral("Привет, мир! Как дела?") << 4;
        QTest::newRow("greek") << QStringLiteral("Γειά σου κόσμε.") << 3;
        QTest::newRow("arabic") << QStringLiteral("مرحبا بالعالم") << 2;
        QTest::newRow("hindi-with-marks") << QStringLiteral("नमस्ते दुनिया") << 2;
        QTest::newRow("chinese-one-per-ideograph") << QStringLiteral("我们是造船者。") << 6;
        QTest::newRow("demo-mini-manifesto") << demoText(QStringLiteral("TL1")) << 27;
        QTest::newRow("demo-manifesto") << demoText(QStringLiteral("TL4")) << 112;
    }

    void wordCount()
    {
        QFETCH(QString, text);
        QFETCH(int, words);
        QCOMPARE(Text::wordCount(text), words);
    }

    void sentenceCount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("sentences");
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("white-space-only") << QStringLiteral("   \n ") << 0;
        QTest::newRow("no-final-stop") << QStringLiteral("Ship it") << 1;
        QTest::newRow("one") << QStringLiteral("Ship it.") << 1;
        QTest::newRow("trailing-space") << QStringLiteral("Ship it. ") << 1;
        QTest::newRow("two") << QStringLiteral("Ship it. Then polish.") << 2;
        QTest::newRow("three-kinds") << QStringLiteral("One! Two? Three.") << 3;
        QTest::newRow("last-without-stop") << QStringLiteral("One. Two") << 2;
        QTest::newRow("line-break") << QStringLiteral("One.\nTwo.") << 2;
        QTest::newRow("no-space-after-stop") << QStringLiteral("Version 3.5 is out.") << 1;
        QTest::newRow("domain-name")
            << QStringLiteral("Go to rallybook.org today. Then sign up.") << 2;
        QTest::newRow("eg") << QStringLiteral("Pick a place, e.g. a forum, and go.") << 1;
        QTest::newRow("ie-in-brackets")
            << QStringLiteral("The core offer (i.e. the cohort) sells.") << 1;
        QTest::newRow("doctor") << QStringLiteral("Ask Dr. Okafor. She knows.") << 2;
        QTest::newRow("several-abbreviations")
            << QStringLiteral("Mr. and Mrs. Smith met Prof. Jones vs. St. Ives.") << 1;
        QTest::newRow("abbreviation-any-case") << QStringLiteral("E.G. this one. And that.") << 2;
        QTest::newRow("abbreviation-at-the-end") << QStringLiteral("Forums, meetups etc.") << 1;
        QTest::newRow("ellipsis") << QStringLiteral("Wait... what?") << 2;
        QTest::newRow("unicode-ellipsis") << QStringLiteral("Wait\u2026 what?") << 2;
        QTest::newRow("repeated-marks") << QStringLiteral("Really?! Yes.") << 2;
        QTest::newRow("closing-quote")
            << QStringLiteral("She said \"Ship it.\" Then she left.") << 2;
        QTest::newRow("curly-quote") << QStringLiteral("\u201cShip it.\u201d Then polish.") << 2;
        QTest::newRow("closing-bracket") << QStringLiteral("(Ship first.) Polish later.") << 2;
        QTest::newRow("punctuation-only") << QStringLiteral("... !!! ???") << 0;
        QTest::newRow("emoji-sentence-has-no-word")
            << QStringLiteral("\U0001F680. Ship it. \U0001F389") << 1;
        QTest::newRow("emoji-inside") << QStringLiteral("Ship it \U0001F680. Now!") << 2;
        QTest::newRow("russian") << QStringLiteral("Привет, мир. Как дела?") << 2;
        QTest::newRow("greek-question-mark") << QStringLiteral("Τι κάνεις\u037E Καλά.") << 2;
        QTest::newRow("arabic-question-mark") << QStringLiteral("مرحبا. كيف حالك؟") << 2;
        QTest::newRow("hindi-danda") << QStringLiteral("मैं ठीक हूँ। आप कैसे हैं?") << 2;
        QTest::newRow("chinese-full-stops")
            << QStringLiteral("我们是造船者。我们造小东西！真的吗？") << 3;
        QTest::newRow("japanese") << QStringLiteral("日本語のテキストです。二つ目。") << 2;
        QTest::newRow("demo-mini-manifesto") << demoText(QStringLiteral("TL1")) << 4;
        QTest::newRow("demo-manifesto") << demoText(QStringLiteral("TL4")) << 9;
    }

    void sentenceCount()
    {
        QFETCH(QString, text);
        QFETCH(int, sentences);
        QCOMPARE(Text::sentenceCount(text, abbreviations()), sentences);
    }

    void withoutAbbreviationsEveryStopEndsASentence()
    {
        QCOMPARE(Text::sentenceCount(u"Ask Dr. Okafor. She knows.", {}), 3);
        QCOMPARE(Text::sentenceCount(u"Ask Dr. Okafor. She knows.", {QStringLiteral("dr.")}), 2);
    }

    void wordMatcher_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("match");
        const QStringList improvement{
            QStringLiteral("more"), QStringLiteral("better"), QStringLiteral("it depends")};
        const QStringList none;
        QTest::newRow("word") << improvement << none << QStringLiteral("A better you")
                              << QStringLiteral("better");
        QTest::newRow("any-case") << improvement << none << QStringLiteral("MORE LIFE")
                                  << QStringLiteral("MORE");
        QTest::newRow("not-inside-a-word")
            << improvement << none << QStringLiteral("Moreover, the betterment") << QString();
        QTest::newRow("beside-punctuation")
            << improvement << none << QStringLiteral("(more)") << QStringLiteral("more");
        QTest::newRow("phrase") << improvement << none << QStringLiteral("Well, it depends.")
                                << QStringLiteral("it depends");
        QTest::newRow("phrase-any-space") << improvement << none << QStringLiteral("it\n  depends")
                                          << QStringLiteral("it\n  depends");
        QTest::newRow("phrase-split-is-no-match")
            << improvement << none << QStringLiteral("it, depends") << QString();
        QTest::newRow("empty-text") << improvement << none << QString() << QString();
        QTest::newRow("apostrophe-style")
            << QStringList{QStringLiteral("you're wrong")} << none
            << QStringLiteral("You\u2019re wrong") << QStringLiteral("You\u2019re wrong");
        QTest::newRow("cyrillic-any-case")
            << QStringList{QStringLiteral("будущее")} << none << QStringLiteral("НАШЕ БУДУЩЕЕ")
            << QStringLiteral("БУДУЩЕЕ");
        QTest::newRow("cyrillic-whole-word") << QStringList{QStringLiteral("мир")} << none
                                             << QStringLiteral("мирный план") << QString();
        QTest::newRow("accented-whole-word")
            << QStringList{QStringLiteral("café")} << none << QStringLiteral("cafés and CAFÉ")
            << QStringLiteral("CAFÉ");
        QTest::newRow("er-than-pattern")
            << none << QStringList{QStringLiteral("\\b\\w+er than\\b")}
            << QStringLiteral("Ship faster than ever") << QStringLiteral("faster than");
        QTest::newRow("future-year-pattern")
            << QStringList{QStringLiteral("will")}
            << QStringList{QStringLiteral("\\bby 20\\d\\d\\b")}
            << QStringLiteral("Own a product by 2030") << QStringLiteral("by 2030");
        QTest::newRow("past-year-is-no-match")
            << QStringList{QStringLiteral("will")}
            << QStringList{QStringLiteral("\\bby 20\\d\\d\\b")}
            << QStringLiteral("Founded by 1999 standards") << QString();
    }

    void wordMatcher()
    {
        QFETCH(QStringList, words);
        QFETCH(QStringList, patterns);
        QFETCH(QString, text);
        QFETCH(QString, match);
        auto matcher = Text::WordMatcher::create(words, patterns);
        QVERIFY2(matcher.ok(), matcher.ok() ? "" : qPrintable(matcher.error().message));
        QCOMPARE(matcher->matches(text), !match.isEmpty());
        QCOMPARE(matcher->firstMatch(text), match);
    }

    void emptyMatcherMatchesNothing()
    {
        auto matcher = Text::WordMatcher::create({QStringLiteral("  ")});
        QVERIFY(matcher.ok());
        QVERIFY(matcher->isEmpty());
        QVERIFY(!matcher->matches(u"anything at all"));
        QVERIFY(!Text::WordMatcher().matches(u"anything"));
    }

    void badPatternIsRefused()
    {
        auto matcher = Text::WordMatcher::create({}, {QStringLiteral("(unclosed")});
        QVERIFY(!matcher.ok());
        QCOMPARE(matcher.error().code, ErrorCode::InvalidDefinition);
        QVERIFY(matcher.error().message.contains(QLatin1String("(unclosed")));
    }

    void personName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("person");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("idea-in-lower-case") << QStringLiteral("Permission culture") << false;
        QTest::newRow("whitelisted") << QStringLiteral("Permission Culture") << false;
        QTest::newRow("whitelisted-in-a-sentence")
            << QStringLiteral("We fight Big Tech and Wall Street") << false;
        QTest::newRow("whitelisted-any-case") << QStringLiteral("SILICON VALLEY") << false;
        QTest::newRow("single-capital") << QStringLiteral("Greed") << false;
        QTest::newRow("comma-breaks-the-pair") << QStringLiteral("Greed, Envy") << false;
        QTest::newRow("full-name") << QStringLiteral("Elon Musk") << true;
        QTest::newRow("name-in-a-sentence")
            << QStringLiteral("everything Mark Zuckerberg's empire stands for") << true;
        QTest::newRow("accented-name") << QStringLiteral("Élodie Dupont") << true;
        QTest::newRow("cyrillic-name") << QStringLiteral("Иван Петров") << true;
        QTest::newRow("name-beside-whitelisted")
            << QStringLiteral("Big Tech and Jeff Bezos") << true;
    }

    void personName()
    {
        QFETCH(QString, text);
        QFETCH(bool, person);
        const QStringList whitelist = TestUtil::definition()
                                          .constants()
                                          .value(QStringLiteral("personNameWhitelist"))
                                          .toVariant()
                                          .toStringList();
        auto notNames = Text::WordMatcher::create(whitelist);
        QVERIFY(notNames.ok());
        QCOMPARE(Text::containsPersonName(text, notNames.value()), person);
    }

    void comparisons()
    {
        QVERIFY(Text::sameText(u"  Freelancing ", u"freelancing"));
        QVERIFY(Text::sameText(u"Builder\u2019s club", u"builder's CLUB"));
        QVERIFY(!Text::sameText(u"Freelancing", u"Freelancers"));
        QVERIFY(Text::containsText(u"I\u2019m a Shipwright.", u"i'm a shipwright"));
        QVERIFY(!Text::containsText(u"I'm a maker", u"Shipwright"));
        const QStringList prefixes{
            QStringLiteral("I am"), QStringLiteral("I'm"), QStringLiteral("I ")};
        QVERIFY(Text::startsWithAny(u"I\u2019m a Shipwright.", prefixes));
        QVERIFY(Text::startsWithAny(u"  i am a maker", prefixes));
        QVERIFY(Text::startsWithAny(u"I build things", prefixes));
        QVERIFY(!Text::startsWithAny(u"We are Shipwrights", prefixes));
        QVERIFY(!Text::startsWithAny(u"Imagine", prefixes));
        QVERIFY(!Text::startsWithAny(u"", prefixes));
    }
};

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
