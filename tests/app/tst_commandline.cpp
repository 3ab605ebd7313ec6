// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/** The rallybook command line, run as a user runs it: headless, with no display at all. */
class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run rallybook(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Prove that headless operations need no display and no platform plugin.
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RALLYBOOK_BINARY), arguments);
        if (!process.waitForFinished(60000)) {
            return {};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void versionAndHelp()
    {
        const Run version = rallybook({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("Rallybook "));
        const Run help = rallybook({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *option : {"--new",
                                   "--demo",
                                   "--export-json",
                                   "--import-json",
                                   "--check",
                                   "--export-wallpaper",
                                   "--export-title-sequence",
                                   "--size",
                                   "--version"}) {
            QVERIFY2(help.out.contains(option), option);
        }
    }

    void demoExportImportRoundTrip()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("d.rallybook"));
        QCOMPARE(rallybook({QStringLiteral("--demo"), demo}).exitCode, 0);
        QVERIFY(QFile::exists(demo));

        const QString json = dir.filePath(QStringLiteral("d.json"));
        const Run exported = rallybook({QStringLiteral("--export-json"), demo, json});
        QCOMPARE(exported.exitCode, 0);
        const QJsonObject root =
            QJsonDocument::fromJson([&] {
                QFile f(json);
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }())
                .object();
        QCOMPARE(root.value(QStringLiteral("name")).toString(), QStringLiteral("Shipwrights"));

        const QString copy = dir.filePath(QStringLiteral("copy.rallybook"));
        QCOMPARE(rallybook({QStringLiteral("--import-json"), json, copy}).exitCode, 0);
        const QString json2 = dir.filePath(QStringLiteral("copy.json"));
        QCOMPARE(rallybook({QStringLiteral("--export-json"), copy, json2}).exitCode, 0);
        QFile a(json);
        QFile b(json2);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
    }

    void exportsWallpaperAndTitleSequenceHeadless()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("d.rallybook"));
        QCOMPARE(rallybook({QStringLiteral("--demo"), demo}).exitCode, 0);

        const QString png = dir.filePath(QStringLiteral("lock.png"));
        const Run wallpaper = rallybook({QStringLiteral("--export-wallpaper"),
                                         demo,
                                         png,
                                         QStringLiteral("--size"),
                                         QStringLiteral("1290x2796")});
        QVERIFY2(wallpaper.exitCode == 0, wallpaper.err.constData());
        QCOMPARE(QImageReader(png, "png").size(), QSize(1290, 2796));
        // Without --size: the size chosen in the studio (a phone, 1170x2532, by default).
        const QString defaultPng = dir.filePath(QStringLiteral("default.png"));
        QCOMPARE(rallybook({QStringLiteral("--export-wallpaper"), demo, defaultPng}).exitCode, 0);
        QCOMPARE(QImageReader(defaultPng, "png").size(), QSize(1170, 2532));

        const QString pdf = dir.filePath(QStringLiteral("titles.pdf"));
        QCOMPARE(rallybook({QStringLiteral("--export-title-sequence"), demo, pdf}).exitCode, 0);
        QVERIFY(QFile(pdf).size() > 1000);
        const QString srt = dir.filePath(QStringLiteral("titles.srt"));
        QCOMPARE(rallybook({QStringLiteral("--export-title-sequence"), demo, srt}).exitCode, 0);
        QFile subtitles(srt);
        QVERIFY(subtitles.open(QIODevice::ReadOnly));
        QVERIFY(subtitles.readAll().startsWith("1\n00:00:00,000 --> 00:00:04,000\nDana Okafor"));
    }

    void exportFailuresSayWhatIsWrongInOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("bad-size") << QStringList{QStringLiteral("--export-wallpaper"),
                                                 QStringLiteral("DEMO"),
                                                 QStringLiteral("OUT.png"),
                                                 QStringLiteral("--size"),
                                                 QStringLiteral("big")}
                                  << 2 << QStringLiteral("--size takes");
        QTest::newRow("size-alone") << QStringList{QStringLiteral("--export-title-sequence"),
                                                   QStringLiteral("DEMO"),
                                                   QStringLiteral("OUT.srt"),
                                                   QStringLiteral("--size"),
                                                   QStringLiteral("10x10")}
                                    << 2 << QStringLiteral("--size goes with");
        QTest::newRow("unknown-extension") << QStringList{QStringLiteral("--export-title-sequence"),
                                                          QStringLiteral("DEMO"),
                                                          QStringLiteral("OUT.txt")}
                                           << 1 << QStringLiteral("neither .pdf nor .srt");
        QTest::newRow("missing-workbook") << QStringList{QStringLiteral("--export-wallpaper"),
                                                         QStringLiteral("nothing.rallybook"),
                                                         QStringLiteral("OUT.png")}
                                          << 1 << QStringLiteral("no such file");
    }

    void exportFailuresSayWhatIsWrongInOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("d.rallybook"));
        QCOMPARE(rallybook({QStringLiteral("--demo"), demo}).exitCode, 0);
        for (QString &argument : arguments) {
            argument.replace(QStringLiteral("DEMO"), demo);
            if (argument.startsWith(QLatin1String("OUT"))
                || argument.startsWith(QLatin1String("nothing"))) {
                argument = dir.filePath(argument);
            }
        }
        const Run run = rallybook(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(says), run.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("OUT.png"))));
    }

    void existingExportIsLeftAloneWithoutForce()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("d.rallybook"));
        QCOMPARE(rallybook({QStringLiteral("--demo"), demo}).exitCode, 0);
        const QString srt = dir.filePath(QStringLiteral("t.srt"));
        QVERIFY([&] {
            QFile f(srt);
            return f.open(QIODevice::WriteOnly) && f.write("mine") == 4;
        }());
        const Run refused = rallybook({QStringLiteral("--export-title-sequence"), demo, srt});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains("--force"));
        QFile kept(srt);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("mine"));
        kept.close();
        QCOMPARE(
            rallybook(
                {QStringLiteral("--export-title-sequence"), demo, srt, QStringLiteral("--force")})
                .exitCode,
            0);
    }

    void newWorkbookIsBlank()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("blank.rallybook"));
        QCOMPARE(rallybook({QStringLiteral("--new"), path}).exitCode, 0);
        const QString json = dir.filePath(QStringLiteral("blank.json"));
        QCOMPARE(rallybook({QStringLiteral("--export-json"), path, json}).exitCode, 0);
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("name")).toString(), QStringLiteral("blank"));
        QVERIFY(root.value(QStringLiteral("values")).toObject().isEmpty());
    }

    void checkDemoPrintsItsTwoTipsAndExitsZero()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("d.rallybook"));
        QCOMPARE(rallybook({QStringLiteral("--demo"), demo}).exitCode, 0);
        const QByteArray before = readFile(demo);
        const Run run = rallybook({QStringLiteral("--check"), demo});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray());
        QCOMPARE(
            run.out,
            QByteArray(
                "TB-C3\ttip\tThey must be both willing and able to pay. Test it before you build.\n"
                "MS-C6\ttip\tYou need 800 true fans. 762 to go.\n"
                "score\t99\n"));
        QCOMPARE(readFile(demo), before); // checking never writes
    }

    void checkWithAnErrorFindingExitsOne()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("d.rallybook"));
        const QString json = dir.filePath(QStringLiteral("d.json"));
        QCOMPARE(rallybook({QStringLiteral("--demo"), demo}).exitCode, 0);
        QCOMPARE(rallybook({QStringLiteral("--export-json"), demo, json}).exitCode, 0);
        // The demo without the places where its market gathers (TB9): TB-C6, an error.
        QJsonObject root = QJsonDocument::fromJson(readFile(json)).object();
        QJsonObject values = root.value(QStringLiteral("values")).toObject();
        values.remove(QStringLiteral("TB9"));
        root[QStringLiteral("values")] = values;
        {
            QFile file(json);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QJsonDocument(root).toJson());
        }
        const QString broken = dir.filePath(QStringLiteral("no-places.rallybook"));
        QCOMPARE(rallybook({QStringLiteral("--import-json"), json, broken}).exitCode, 0);
        const Run run = rallybook({QStringLiteral("--check"), broken});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, QByteArray());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QVERIFY(lines.contains(
            "TB-C6\terror\tName at least one place your dream customers already gather."));
        QVERIFY2(lines.last().startsWith("score\t"), run.out.constData());
        const int score = lines.last().mid(6).toInt();
        QVERIFY2(score > 0 && score < 99, run.out.constData());
        for (const QByteArray &line : lines.mid(0, lines.size() - 1)) {
            const QList<QByteArray> parts = line.split('\t');
            QCOMPARE(parts.size(), 3);
            QVERIFY(parts.at(1) == "error" || parts.at(1) == "warning" || parts.at(1) == "tip");
        }
    }

    void checkUnreadableFileExitsTwo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing") << QStringLiteral("{dir}/nope.rallybook")
                                 << QStringLiteral("no such file");
        QTest::newRow("not-a-workbook")
            << QStringLiteral("{dir}/notes.txt") << QStringLiteral("not an SQLite database");
        QTest::newRow("folder") << QStringLiteral("{dir}") << QString();
    }

    void checkUnreadableFileExitsTwo()
    {
        QFETCH(QString, file);
        QFETCH(QString, says);
        QTemporaryDir dir;
        {
            QFile notes(dir.filePath(QStringLiteral("notes.txt")));
            QVERIFY(notes.open(QIODevice::WriteOnly));
            notes.write("not a workbook\n");
        }
        file.replace(QStringLiteral("{dir}"), dir.path());
        const Run run = rallybook({QStringLiteral("--check"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.endsWith('\n') && run.err.count('\n') == 1, run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(says), run.err.constData());
    }

    void planExportsRunHeadless()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("d.rallybook"));
        QCOMPARE(rallybook({QStringLiteral("--demo"), demo}).exitCode, 0);
        const QString pdf = dir.filePath(QStringLiteral("plan.pdf"));
        Run run = rallybook({QStringLiteral("--export-pdf"),
                             demo,
                             pdf,
                             QStringLiteral("--plan-theme"),
                             QStringLiteral("Modern"),
                             QStringLiteral("--accent"),
                             QStringLiteral("#1F5FA8"),
                             QStringLiteral("--page-size"),
                             QStringLiteral("letter")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.isEmpty());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        file.close();

        // An existing file is left alone without --force.
        run = rallybook({QStringLiteral("--export-pdf"), demo, pdf});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("already exists") && run.err.count('\n') == 1);
        QCOMPARE(rallybook({QStringLiteral("--export-pdf"),
                            demo,
                            pdf,
                            QStringLiteral("--force"),
                            QStringLiteral("--profile"),
                            QStringLiteral("offer only")})
                     .exitCode,
                 0);

        // An unknown profile: one line that lists the profiles there are.
        run = rallybook({QStringLiteral("--export-pdf"),
                         demo,
                         dir.filePath(QStringLiteral("x.pdf")),
                         QStringLiteral("--profile"),
                         QStringLiteral("For my cat")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.count('\n') == 1, run.err.constData());
        for (const char *name :
             {"For my cat", "Full plan", "Manifesto and cause only", "Offer only"}) {
            QVERIFY2(run.err.contains(name), run.err.constData());
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.pdf"))));

        const QString html = dir.filePath(QStringLiteral("plan.html"));
        run = rallybook({QStringLiteral("--export-html"),
                         demo,
                         html,
                         QStringLiteral("--plan-theme"),
                         QStringLiteral("bold")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QByteArray text = page.readAll();
        QVERIFY(text.startsWith("<!DOCTYPE html>"));
        QVERIFY(text.contains("The Shipwright Manifesto"));

        const Run help = rallybook({QStringLiteral("--help")});
        for (const char *option : {"--export-pdf",
                                   "--export-html",
                                   "--profile",
                                   "--plan-theme",
                                   "--accent",
                                   "--page-size",
                                   "--theme"}) {
            QVERIFY2(help.out.contains(option), option);
        }
    }

    void failuresExitNonZeroWithOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing-file") << QStringList{QStringLiteral("--export-json"),
                                                     QStringLiteral("{dir}/nope.rallybook"),
                                                     QStringLiteral("{dir}/out.json")}
                                      << "no such file";
        QTest::newRow("not-a-workbook") << QStringList{QStringLiteral("--export-json"),
                                                       QStringLiteral("{dir}/notes.txt"),
                                                       QStringLiteral("{dir}/out.json")}
                                        << "not an SQLite database";
        QTest::newRow("demo-onto-existing")
            << QStringList{QStringLiteral("--demo"), QStringLiteral("{dir}/notes.txt")}
            << "already exists";
        QTest::newRow("import-bad-json") << QStringList{QStringLiteral("--import-json"),
                                                        QStringLiteral("{dir}/notes.txt"),
                                                        QStringLiteral("{dir}/new.rallybook")}
                                         << "not valid JSON";
        QTest::newRow("missing-argument")
            << QStringList{QStringLiteral("--export-json"), QStringLiteral("{dir}/notes.txt")}
            << "usage: rallybook --export-json FILE OUT";
        QTest::newRow("check-without-file")
            << QStringList{QStringLiteral("--check")} << "usage: rallybook --check FILE";
        QTest::newRow("check-two-files") << QStringList{QStringLiteral("--check"),
                                                        QStringLiteral("{dir}/a.rallybook"),
                                                        QStringLiteral("{dir}/b.rallybook")}
                                         << "usage: rallybook --check FILE";
        QTest::newRow("check-and-demo") << QStringList{QStringLiteral("--check"),
                                                       QStringLiteral("--demo"),
                                                       QStringLiteral("{dir}/x.rallybook")}
                                        << "one of";
        QTest::newRow("unknown-option")
            << QStringList{QStringLiteral("--frobnicate")} << "frobnicate";
        QTest::newRow("pdf-not-a-workbook") << QStringList{QStringLiteral("--export-pdf"),
                                                           QStringLiteral("{dir}/notes.txt"),
                                                           QStringLiteral("{dir}/out.json")}
                                            << "not an SQLite database";
        QTest::newRow("pdf-missing-out")
            << QStringList{QStringLiteral("--export-pdf"), QStringLiteral("{dir}/notes.txt")}
            << "usage: rallybook --export-pdf FILE OUT.pdf";
        QTest::newRow("plan-theme") << QStringList{QStringLiteral("--export-pdf"),
                                                   QStringLiteral("{dir}/a"),
                                                   QStringLiteral("{dir}/b"),
                                                   QStringLiteral("--plan-theme"),
                                                   QStringLiteral("pink")}
                                    << "--plan-theme takes classic, modern, bold";
        QTest::newRow("accent") << QStringList{QStringLiteral("--export-html"),
                                               QStringLiteral("{dir}/a"),
                                               QStringLiteral("{dir}/b"),
                                               QStringLiteral("--accent"),
                                               QStringLiteral("red")}
                                << "#RRGGBB";
        QTest::newRow("page-size") << QStringList{QStringLiteral("--export-pdf"),
                                                  QStringLiteral("{dir}/a"),
                                                  QStringLiteral("{dir}/b"),
                                                  QStringLiteral("--page-size"),
                                                  QStringLiteral("a3")}
                                   << "a4 or letter";
        QTest::newRow("profile-alone") << QStringList{QStringLiteral("--new"),
                                                      QStringLiteral("{dir}/x.rallybook"),
                                                      QStringLiteral("--profile"),
                                                      QStringLiteral("Offer only")}
                                       << "go with --export-pdf";
        QTest::newRow("gui-theme")
            << QStringList{QStringLiteral("--theme"), QStringLiteral("purple")}
            << "--theme takes light, dark or system";
        QTest::newRow("two-operations") << QStringList{QStringLiteral("--new"),
                                                       QStringLiteral("--demo"),
                                                       QStringLiteral("{dir}/x.rallybook")}
                                        << "one of";
    }

    void failuresExitNonZeroWithOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString notes = dir.filePath(QStringLiteral("notes.txt"));
        {
            QFile file(notes);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a workbook\n");
        }
        for (QString &argument : arguments) {
            argument.replace(QStringLiteral("{dir}"), dir.path());
        }
        const Run run = rallybook(arguments);
        QVERIFY2(run.exitCode > 0, run.err.constData());
        QVERIFY2(run.err.endsWith('\n') && run.err.count('\n') == 1, run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(says), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QFile file(notes);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not a workbook\n"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new.rallybook"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.json"))));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
