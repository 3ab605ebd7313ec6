// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/findingview.h"

#include "core/render/brand.h"
#include "ui/style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

namespace Rallybook {

QIcon severityIcon(Core::Severity severity)
{
    QIcon icon;
    for (const int size : {16, 20, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor colour = Render::Brand::severityColor(severity);
        const QRectF box(1, 1, size - 2, size - 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        // Error: an octagon-like disc; warning: a triangle; tip: a circle.
        if (severity == Core::Severity::Warning) {
            QPainterPath triangle;
            triangle.moveTo(box.center().x(), box.top());
            triangle.lineTo(box.right(), box.bottom());
            triangle.lineTo(box.left(), box.bottom());
            triangle.closeSubpath();
            painter.drawPath(triangle);
        } else if (severity == Core::Severity::Error) {
            painter.drawRoundedRect(box, size / 5.0, size / 5.0);
        } else {
            painter.drawEllipse(box);
        }
        QFont font;
        font.setPixelSize(int(size * 0.7));
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        const QRectF glyph =
            severity == Core::Severity::Warning ? box.adjusted(0, size * 0.2, 0, 0) : box;
        painter.drawText(glyph,
                         Qt::AlignCenter,
                         severity == Core::Severity::Tip ? QStringLiteral("i")
                                                         : QStringLiteral("!"));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

FindingView::FindingView(const Core::Finding &finding, bool withGoTo, QWidget *parent)
    : QWidget(parent)
    , m_finding(finding)
{
    setObjectName(QStringLiteral("finding-") + finding.checkId);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Style::kGrid);
    auto *mark = new QLabel(this);
    const int iconSize = fontMetrics().height();
    mark->setPixmap(severityIcon(finding.severity).pixmap(iconSize, iconSize));
    mark->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    mark->setFixedWidth(iconSize + 2);
    layout->addWidget(mark, 0, Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    // "Warning: message" — the word always stands beside the colour.
    auto *message = new QLabel(this);
    message->setTextFormat(Qt::PlainText);
    message->setWordWrap(true);
    message->setText(
        tr("%1: %2").arg(Render::Brand::severityWord(finding.severity), finding.message));
    message->setObjectName(QStringLiteral("findingMessage"));
    message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = message->palette();
    QColor colour = Render::Brand::severityColor(finding.severity);
    if (Style::isDark()) {
        colour = colour.lighter(170);
    }
    palette.setColor(QPalette::WindowText, colour);
    message->setPalette(palette);
    texts->addWidget(message);
    if (!finding.why.isEmpty()) {
        auto *why = new QLabel(finding.why, this);
        why->setTextFormat(Qt::PlainText);
        why->setWordWrap(true);
        QPalette muted = why->palette();
        muted.setColor(QPalette::WindowText, Style::mutedText());
        why->setPalette(muted);
        QFont small = why->font();
        small.setPointSizeF(small.pointSizeF() * 0.92);
        why->setFont(small);
        texts->addWidget(why);
    }
    layout->addLayout(texts, 1);
    setAccessibleName(message->text());
    setAccessibleDescription(finding.why);

    if (withGoTo && !finding.fields.isEmpty()) {
        auto *go = new QToolButton(this);
        go->setText(tr("Go to field"));
        go->setObjectName(QStringLiteral("goTo-") + finding.checkId);
        go->setAccessibleName(tr("Go to the field for: %1").arg(finding.title));
        layout->addWidget(go, 0, Qt::AlignTop);
        connect(go, &QToolButton::clicked, this, [this] {
            emit goTo(m_finding.fields.first());
        });
    }
}

FindingList::FindingList(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, Style::kGrid / 2, 0, 0);
    m_layout->setSpacing(Style::kGrid);
    hide();
}

void FindingList::setFindings(const QList<Core::Finding> &findings)
{
    if (findings == m_shown) {
        return;
    }
    m_shown = findings;
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const Core::Finding &finding : findings) {
        m_layout->addWidget(new FindingView(finding, false, this));
    }
    setVisible(!findings.isEmpty());
}

} // namespace Rallybook
