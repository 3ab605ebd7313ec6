// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/style.h"

#include "core/render/brand.h"

#include <QApplication>
#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStyle>
#include <QStyleFactory>
#include <QVBoxLayout>

namespace Rallybook::Style {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e);
    const QColor base(0x1f, 0x1f, 0x22);
    const QColor text(0xe8, 0xe6, 0xe3);
    const QColor disabled(0x8a, 0x88, 0x85);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x28));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, Render::Brand::accent(true));
    p.setColor(QPalette::HighlightedText, QColor(0x3a, 0x0b, 0x08));
    p.setColor(QPalette::Link, Render::Brand::accent(true));
    p.setColor(QPalette::LinkVisited, Render::Brand::accent(true).darker(120));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

QPalette lightPalette()
{
    QPalette p = QApplication::style()->standardPalette();
    p.setColor(QPalette::Highlight, Render::Brand::accent(false));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, Render::Brand::accent(false));
    return p;
}

} // namespace

void applyTheme(Theme theme)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    bool dark = false;
    if (theme == Theme::Dark) {
        dark = true;
    } else if (theme == Theme::System) {
        // Follow a dark desktop palette if the platform gives one.
        const QPalette system = QGuiApplication::palette();
        dark = system.color(QPalette::Window).lightness() < 128;
    }
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
}

bool isDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor accent()
{
    return Render::Brand::accent(isDark());
}

QColor mutedText()
{
    const QPalette palette = QApplication::palette();
    QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    // Halfway between text and background keeps contrast above 4.5:1 on both palettes.
    return QColor((text.red() * 2 + window.red()) / 3,
                  (text.green() * 2 + window.green()) / 3,
                  (text.blue() * 2 + window.blue()) / 3);
}

QLabel *textLabel(const QString &text, QWidget *parent, qreal scale, int weight)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    if (scale != 1.0) {
        font.setPointSizeF(font.pointSizeF() * scale);
    }
    if (weight >= 0) {
        font.setWeight(QFont::Weight(weight));
    }
    label->setFont(font);
    return label;
}

QLabel *mute(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, mutedText());
    label->setPalette(palette);
    return label;
}

QLabel *kicker(const QString &text, QWidget *parent)
{
    QLabel *label = textLabel(text.toUpper(), parent, 0.85, QFont::DemiBold);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, accent());
    label->setPalette(palette);
    return label;
}

QVBoxLayout *makeReadingPage(QScrollArea *scroll, int bottomMargin, int extraWidth)
{
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *canvas = new QWidget;
    auto *outer = new QHBoxLayout(canvas);
    outer->setContentsMargins(kGrid * 4, kGrid * 3, kGrid * 4, bottomMargin);
    auto *column = new QWidget(canvas);
    column->setMaximumWidth(readingWidth() + extraWidth);
    outer->addStretch(1);
    outer->addWidget(column, 100);
    outer->addStretch(1);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(kGrid * 2);
    scroll->setWidget(canvas);
    return layout;
}

int readingWidth()
{
    return QFontMetrics(QApplication::font()).averageCharWidth() * 75;
}

} // namespace Rallybook::Style
