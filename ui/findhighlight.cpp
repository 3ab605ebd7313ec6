// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/findhighlight.h"

#include "ui/style.h"

#include <QEvent>
#include <QLineEdit>
#include <QPainter>
#include <QTextLayout>

namespace Rallybook {

FindHighlight::FindHighlight(QWidget *target, int start, int length)
    : QWidget(target)
    , m_target(target)
    , m_line(qobject_cast<QLineEdit *>(target))
    , m_start(m_line ? start : -1)
    , m_length(length)
{
    setObjectName(QStringLiteral("findHighlight"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    setGeometry(target->rect());
    target->installEventFilter(this);
    if (m_line) {
        // The mark belongs to the text it was made for.
        connect(m_line, &QLineEdit::textChanged, this, &QWidget::hide);
    }
    raise();
    show();
}

QColor FindHighlight::background()
{
    return Style::isDark() ? QColor(0x8C, 0x6A, 0x00) : QColor(0xFF, 0xD5, 0x4F);
}

QColor FindHighlight::foreground()
{
    return Style::isDark() ? QColor(0xFF, 0xFF, 0xFF) : QColor(0x1A, 0x1A, 0x1A);
}

QColor FindHighlight::outline()
{
    return Style::isDark() ? QColor(0xFF, 0xD5, 0x4F) : QColor(0xB2, 0x6A, 0x00);
}

QTextCharFormat FindHighlight::format()
{
    QTextCharFormat format;
    format.setBackground(background());
    format.setForeground(foreground());
    format.setProperty(kProperty, true);
    return format;
}

QRect FindHighlight::area() const
{
    if (!m_line || m_start < 0) {
        return rect().adjusted(1, 1, -1, -1);
    }
    // Where the line edit draws its text: the cursor's rectangle is centred on the cursor's x
    // (QLineEdit scrolls its text so that the cursor shows), and a layout of the same text in
    // the same font gives every other position relative to it.
    const QString text = m_line->displayText();
    QTextLayout layout(text, m_line->font());
    layout.beginLayout();
    QTextLine line = layout.createLine();
    layout.endLayout();
    if (!line.isValid()) {
        return {};
    }
    const QRect cursor = m_line->inputMethodQuery(Qt::ImCursorRectangle).toRect();
    const qreal origin = cursor.x() + cursor.width() / 2 - line.cursorToX(m_line->cursorPosition());
    const int from = std::clamp(m_start, 0, int(text.size()));
    const int to = std::clamp(m_start + m_length, from, int(text.size()));
    const int left = qRound(origin + line.cursorToX(from));
    const int right = qRound(origin + line.cursorToX(to));
    const int height = m_line->fontMetrics().height() + 2;
    const int top = cursor.center().y() - height / 2;
    return QRect(QPoint(std::min(left, right) - 1, top),
                 QPoint(std::max(left, right), top + height))
        .intersected(rect());
}

bool FindHighlight::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_target && event->type() == QEvent::Resize) {
        setGeometry(m_target->rect());
    }
    return QWidget::eventFilter(watched, event);
}

void FindHighlight::paintEvent(QPaintEvent *)
{
    const QRect marked = area();
    if (marked.isEmpty()) {
        return;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // Over text, a translucent fill keeps the characters readable, like a marker pen.
    QColor fill = background();
    fill.setAlphaF(m_start >= 0 ? 0.55 : 0.18);
    painter.setBrush(fill);
    painter.setPen(QPen(outline(), m_start >= 0 ? 1.0 : 2.0));
    painter.drawRoundedRect(QRectF(marked).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
}

} // namespace Rallybook
