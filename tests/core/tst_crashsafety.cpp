// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workbook.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

#include "tests/core/testutil.h"

using namespace Rallybook::Core;
using namespace std::chrono_literals;

namespace {

/**
 * Kill -9 cycles per run: CI volume of RELIABILITY.md T1. RALLYBOOK_CRASH_CYCLES asks for more
 * (the nightly volume is 1000).
 */
int cycles()
{
    bool ok = false;
    const int asked = qEnvironmentVariableIntValue("RALLYBOOK_CRASH_CYCLES", &ok);
    return ok && asked > 0 ? asked : 30;
}

/** Every cycle waits for this many ACKs before the kill, so that it always has work to check. */
constexpr qint64 kMinAcks = 1;

/** One `wbtool stress` process and what it has printed so far. */
class StressRun
{
public:
    StressRun(const QString &path, quint32 seed)
    {
        m_process.start(QStringLiteral(WBTOOL_BINARY),
                        {QStringLiteral("stress"),
                         QStringLiteral("--db"),
                         path,
                         QStringLiteral("--seed"),
                         QString::number(seed)});
    }
    ~StressRun()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    StressRun(const StressRun &) = delete;
    StressRun &operator=(const StressRun &) = delete;

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    bool isCreating() const { return m_creating; }
    bool isReady() const { return m_ready; }
    qint64 lastAck() const { return m_lastAck; }
    QString errors() { return QString::fromUtf8(m_process.readAllStandardError()).trimmed(); }

    /** Waits up to `timeout` for output and reads it; the deliberate wait before a kill. */
    void waitForOutput(std::chrono::milliseconds timeout)
    {
        if (m_process.bytesAvailable() == 0) {
            m_process.waitForReadyRead(int(std::max<qint64>(timeout.count(), 0)));
        }
        read();
    }

    /** Waits until `done` holds or the process ends; false when it took longer than `limit`. */
    bool waitUntil(bool (StressRun::*done)() const, std::chrono::milliseconds limit = 30s)
    {
        const QDeadlineTimer deadline(limit);
        while (!(this->*done)() && isRunning()) {
            if (deadline.hasExpired()) {
                return false;
            }
            waitForOutput(100ms);
        }
        return true;
    }

    /**
     * The deliberate wait before a kill: until `killAt` and at least `minAcks` ACKs, or until
     * the process ends. False when no ACK came for longer than `limit`.
     */
    bool waitForKillPoint(const QDeadlineTimer &killAt,
                          qint64 minAcks,
                          std::chrono::milliseconds limit = 30s)
    {
        const QDeadlineTimer deadline(limit);
        while (isRunning() && !(m_lastAck >= minAcks && killAt.hasExpired())) {
            if (m_lastAck < minAcks && deadline.hasExpired()) {
                return false;
            }
            const auto timeout =
                m_lastAck >= minAcks ? std::chrono::milliseconds(killAt.remainingTime()) : 100ms;
            waitForOutput(timeout);
        }
        return true;
    }

    /** SIGKILL, then every line the process wrote before it died. True if it was killed. */
    bool kill()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
        read();
        return m_process.exitStatus() == QProcess::CrashExit;
    }

private:
    void read()
    {
        m_pending += m_process.readAllStandardOutput();
        for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n')) {
            const QByteArray line = m_pending.left(end);
            m_pending.remove(0, end + 1);
            if (line.startsWith("ACK ")) {
                m_lastAck = line.mid(4).toLongLong();
            } else if (line == "CREATING") {
                m_creating = true;
            } else if (line == "READY") {
                m_ready = true;
            }
        }
    }

    QProcess m_process;
    QByteArray m_pending;
    qint64 m_lastAck = 0;
    bool m_creating = false;
    bool m_ready = false;
};

/** What `wbtool verify` said about a file. */
struct Verdict
{
    int exitCode = -1;
    QString output; ///< "OK acked=n holds=m journal=none|cold|hot" on success
    QString reason; ///< the one-line reason on failure

    /** A `key=value` of the success line. */
    QString field(QLatin1String key) const
    {
        const QString prefix = key + u'=';
        for (const QString &token : output.split(u' ')) {
            if (token.startsWith(prefix)) {
                return token.mid(prefix.size());
            }
        }
        return QString();
    }
    bool heldNextEdit() const
    {
        return field(QLatin1String("holds")).toLongLong()
               > field(QLatin1String("acked")).toLongLong();
    }
};

Verdict verify(const QString &path, quint32 seed, qint64 acked)
{
    QProcess process;
    process.start(QStringLiteral(WBTOOL_BINARY),
                  {QStringLiteral("verify"),
                   QStringLiteral("--db"),
                   path,
                   QStringLiteral("--seed"),
                   QString::number(seed),
                   QStringLiteral("--acked"),
                   QString::number(acked)});
    Verdict verdict;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        verdict.reason = QStringLiteral("wbtool verify did not finish within a minute");
        return verdict;
    }
    verdict.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    verdict.output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    verdict.reason = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return verdict;
}

/** Temporary files a killed Workbook::create leaves beside its target. */
int leftoverParts(const QString &folder)
{
    return int(QDir(folder)
                   .entryList({QStringLiteral(".*.part"), QStringLiteral(".*.part-journal")},
                              QDir::Files | QDir::Hidden)
                   .size());
}

} // namespace

/**
 * RELIABILITY.md T1 at CI volume: `wbtool stress` is killed with SIGKILL at a random moment,
 * and `wbtool verify` checks that every acknowledged edit survived, the edit in flight is
 * there fully or not at all, nothing later is, and the file passes SQLite's checks.
 */
class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFile::exists(QStringLiteral(WBTOOL_BINARY)), WBTOOL_BINARY); }

    void verifierRejectsLostAndExtraEdits()
    {
        // The harness is only worth something if it can fail: a complete run of 6 edits passes
        // as "6 acknowledged" and as "5 acknowledged, the 6th committed", and nothing else.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("six.rallybook"));
        QProcess stress;
        stress.start(QStringLiteral(WBTOOL_BINARY),
                     {QStringLiteral("stress"),
                      QStringLiteral("--db"),
                      path,
                      QStringLiteral("--seed"),
                      QStringLiteral("7"),
                      QStringLiteral("--count"),
                      QStringLiteral("6")});
        QVERIFY(stress.waitForFinished(60000));
        QCOMPARE(stress.exitCode(), 0);
        QVERIFY(stress.readAllStandardOutput().endsWith("ACK 6\n"));

        QCOMPARE(verify(path, 7, 6).exitCode, 0);
        const Verdict inFlight = verify(path, 7, 5);
        QCOMPARE(inFlight.exitCode, 0);
        QVERIFY2(inFlight.output.contains(QLatin1String("holds=6")), qPrintable(inFlight.output));
        const Verdict lost = verify(path, 7, 7);
        QCOMPARE(lost.exitCode, 1);
        QVERIFY2(lost.reason.contains(QLatin1String("neither edits 1..7 nor 1..8")),
                 qPrintable(lost.reason));
        QVERIFY(!lost.reason.contains(u'\n'));
        QCOMPARE(verify(path, 7, 4).exitCode, 1);
        QCOMPARE(verify(path, 8, 6).exitCode, 1);

        // An edit nobody made is caught too.
        {
            auto workbook = Workbook::open(path, TestUtil::definition());
            QVERIFY(workbook.ok());
            QVERIFY(
                workbook.value()->setValue(QStringLiteral("AC1"), QStringLiteral("Tampered")).ok());
        }
        QCOMPARE(verify(path, 7, 6).exitCode, 1);
    }

    void acknowledgedEditsSurviveKill9()
    {
        QElapsedTimer clock;
        clock.start();
        qint64 verifiedEdits = 0;
        int inFlightCommitted = 0;
        int hotJournals = 0;
        int coldJournals = 0;
        const int cycleCount = cycles();
        for (int cycle = 0; cycle < cycleCount; ++cycle) {
            const auto seed = quint32(cycle);
            QRandomGenerator random(seed);
            const std::chrono::milliseconds wait(20 + random.bounded(281));
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const QString path = dir.filePath(QStringLiteral("stress.rallybook"));

            StressRun run(path, seed);
            // The random wait counts from the moment the workbook is created and open, and
            // lasts at least until the first ACK.
            QVERIFY2(run.waitUntil(&StressRun::isReady), "stress did not get ready");
            QVERIFY2(run.waitForKillPoint(QDeadlineTimer(wait), kMinAcks),
                     "stress acknowledged nothing");
            const bool killed = run.kill();
            QVERIFY2(killed,
                     qPrintable(QStringLiteral("cycle %1: stress ended before the kill: %2")
                                    .arg(cycle)
                                    .arg(run.errors())));

            const Verdict verdict = verify(path, seed, run.lastAck());
            QVERIFY2(verdict.exitCode == 0,
                     qPrintable(QStringLiteral(
                                    "cycle %1 (seed %1, killed after %2 ms, ACK %3): exit %4: %5")
                                    .arg(cycle)
                                    .arg(wait.count())
                                    .arg(run.lastAck())
                                    .arg(verdict.exitCode)
                                    .arg(verdict.reason)));
            verifiedEdits += run.lastAck();
            inFlightCommitted += verdict.heldNextEdit() ? 1 : 0;
            hotJournals += verdict.field(QLatin1String("journal")) == QLatin1String("hot") ? 1 : 0;
            coldJournals +=
                verdict.field(QLatin1String("journal")) == QLatin1String("cold") ? 1 : 0;
        }
        qInfo("T1: %d kill -9 cycles, %lld acknowledged edits verified; the unacknowledged edit in "
              "flight was committed in %d; %d hot journals rolled back, %d cold journals; %.1f s",
              cycleCount,
              verifiedEdits,
              inFlightCommitted,
              hotJournals,
              coldJournals,
              double(clock.elapsed()) / 1000.0);
    }

    void killDuringCreateLeavesNothingOrAWholeWorkbook()
    {
        // Kill at growing delays after `stress` starts Workbook::create, until create wins the
        // race. Each kill must leave either no workbook or a complete one, and a second run
        // must carry on from there as if nothing had happened.
        const int delays[] = {0, 1, 2, 5, 10, 20, 35, 50, 75, 100, 150, 250};
        int killedInCreate = 0;
        int leftNothing = 0;
        int leftWorkbook = 0;
        int parts = 0;
        for (const int delay : delays) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const QString path = dir.filePath(QStringLiteral("new.rallybook"));
            const auto seed = quint32(1000 + delay);
            {
                StressRun first(path, seed);
                QVERIFY2(first.waitUntil(&StressRun::isCreating), "stress did not start creating");
                const QDeadlineTimer killAt(std::chrono::milliseconds{delay});
                while (first.isRunning() && !first.isReady() && !killAt.hasExpired()) {
                    first.waitForOutput(std::chrono::milliseconds(killAt.remainingTime()));
                }
                const bool killed = first.kill();
                QVERIFY2(killed, qPrintable(QStringLiteral("stress ended: ") + first.errors()));
                if (first.isReady()) {
                    break; // create finished before the kill; longer delays would only repeat that
                }
                QCOMPARE(first.lastAck(), qint64(0));
            }
            ++killedInCreate;
            parts += leftoverParts(dir.path());
            if (!QFile::exists(path)) {
                ++leftNothing;
            } else {
                ++leftWorkbook;
                auto opened = Workbook::open(path, TestUtil::definition());
                QVERIFY2(opened.ok(),
                         qPrintable(QStringLiteral("killed %1 ms into create: %2")
                                        .arg(delay)
                                        .arg(opened.ok() ? QString() : opened.error().message)));
                QVERIFY(!opened.value()->isReadOnly());
                QCOMPARE(opened.value()->name(), QStringLiteral("Crash test"));
            }

            // The second run creates the file or opens the one the first run finished.
            StressRun second(path, seed);
            const QDeadlineTimer secondKillAt(
                std::chrono::milliseconds(20 + QRandomGenerator(seed).bounded(81)));
            QVERIFY2(second.waitForKillPoint(secondKillAt, kMinAcks),
                     "stress acknowledged nothing");
            const bool secondKilled = second.kill();
            QVERIFY2(secondKilled, qPrintable(QStringLiteral("stress ended: ") + second.errors()));
            const Verdict verdict = verify(path, seed, second.lastAck());
            QVERIFY2(verdict.exitCode == 0,
                     qPrintable(QStringLiteral("killed %1 ms into create, then at ACK %2: %3")
                                    .arg(delay)
                                    .arg(second.lastAck())
                                    .arg(verdict.reason)));
        }
        QVERIFY2(killedInCreate > 0, "every kill came after Workbook::create had finished");
        qInfo("create killed %d times: %d left no workbook, %d a complete one; %d temporary "
              "files left behind",
              killedInCreate,
              leftNothing,
              leftWorkbook,
              parts);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
