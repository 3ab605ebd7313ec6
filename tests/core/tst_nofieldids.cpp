// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// No field id in C++ outside tests: app/, core/ and ui/ find the fields they treat specially by
// role and the checks read theirs through their inputs (docs/definition.md), so a field id
// typed in a string literal there is a field that a rename in the definition would break.
#include "core/definition.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Rallybook::Core;

namespace {

/**
 * A string literal that starts with a field id: a section code and a number ("TL4", "AC9.x"),
 * for the spec's codes and every code of the definition, or any field or part id of the
 * definition, even one that does not look like a code.
 */
QRegularExpression fieldIdLiteral(const Definition &definition)
{
    QStringList codes{QStringLiteral("AC"),
                      QStringLiteral("TB"),
                      QStringLiteral("CA"),
                      QStringLiteral("TL"),
                      QStringLiteral("NO"),
                      QStringLiteral("MS"),
                      QStringLiteral("AP")};
    QStringList ids;
    for (const Section &section : definition.sections()) {
        if (!codes.contains(section.code)) {
            codes.append(QRegularExpression::escape(section.code));
        }
    }
    for (const Field *field : definition.storedFields()) {
        ids.append(QRegularExpression::escape(field->id));
        const QString group = field->id.section(u'.', 0, 0);
        if (group != field->id) {
            ids.append(QRegularExpression::escape(group));
        }
    }
    ids.removeDuplicates();
    return QRegularExpression(
        QStringLiteral("\"((%1)[0-9]+|(%2)(?=[\".]))").arg(codes.join(u'|'), ids.join(u'|')));
}

} // namespace

class TestNoFieldIds : public QObject
{
    Q_OBJECT

private slots:
    void patternFindsFieldIdLiterals_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("found");
        QTest::newRow("field") << QStringLiteral("value(QStringLiteral(\"TL4\"))") << true;
        QTest::newRow("string-literal") << QStringLiteral("answers.rows(u\"MS12\"_s)") << true;
        QTest::newRow("part") << QStringLiteral("isEmpty(u\"AC9.backstory\"_s)") << true;
        QTest::newRow("group-prefix") << QStringLiteral("QLatin1String(\"TL7.\") + kind") << true;
        QTest::newRow("check-id") << QStringLiteral("finding(\"MS-C6\")") << false;
        QTest::newRow("comment") << QStringLiteral("// the manifesto (TL4)") << false;
        QTest::newRow("other-word") << QStringLiteral("QStringLiteral(\"ACME\")") << false;
    }

    void patternFindsFieldIdLiterals()
    {
        QFETCH(QString, line);
        QFETCH(bool, found);
        const Definition definition = Definition::standard().value();
        QCOMPARE(fieldIdLiteral(definition).match(line).hasMatch(), found);
    }

    void noFieldIdInTheSources()
    {
        const Definition definition = Definition::standard().value();
        const QRegularExpression pattern = fieldIdLiteral(definition);
        QStringList hits;
        int files = 0;
        for (const char *folder : {"app", "core", "ui"}) {
            const QString root = QStringLiteral(RALLYBOOK_SOURCE_DIR "/") + QLatin1String(folder);
            QDirIterator it(root,
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                            QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
                ++files;
                const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
                for (int i = 0; i < lines.size(); ++i) {
                    const QRegularExpressionMatch match = pattern.match(lines.at(i));
                    if (match.hasMatch()) {
                        hits.append(QStringLiteral("%1:%2: field id %3 in a string literal")
                                        .arg(path.mid(int(qstrlen(RALLYBOOK_SOURCE_DIR)) + 1))
                                        .arg(i + 1)
                                        .arg(match.captured(0) + u'"'));
                    }
                }
            }
        }
        QVERIFY(files > 20);
        QVERIFY2(hits.isEmpty(),
                 qPrintable(QStringLiteral("Find fields by role or through a check's inputs "
                                           "(docs/definition.md):\n")
                            + hits.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestNoFieldIds)
#include "tst_nofieldids.moc"
