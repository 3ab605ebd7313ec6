// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/wallpaper.h"
#include "ui/workbookdocument.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Rallybook {

class FieldEditor;

/** The wallpaper at the device's aspect ratio, with the clock and controls zones shown. */
class WallpaperPreview : public QWidget
{
    Q_OBJECT

public:
    explicit WallpaperPreview(QWidget *parent = nullptr);
    void show(const Render::Wallpaper::Design &design,
              const QString &text,
              QSize size,
              const QImage &background);
    void setSafeAreaShown(bool shown);
    /** What the last rendering at full size made of the text. */
    const Render::Wallpaper::Rendered &rendered() const { return m_full; }
    QSize sizeHint() const override { return QSize(320, 560); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Render::Wallpaper::Design m_design;
    QString m_text;
    QSize m_size;
    QImage m_background;
    Render::Wallpaper::Rendered m_full;
    bool m_safeShown = true;
};

/**
 * The mini manifesto (TL1) with its counts and check, and a wallpaper designer: background,
 * type, colours and safe margins, a live preview, and PNG export at common and custom sizes.
 */
class WallpaperDesigner : public QWidget
{
    Q_OBJECT

public:
    explicit WallpaperDesigner(WorkbookDocument *document, QWidget *parent = nullptr);

    Render::Wallpaper::Design design() const;
    /** The size chosen for preview and export. */
    QSize currentSize() const;
    void commitPending();
    /** Asks for a file and writes the PNG at the chosen size; false when not written. */
    bool exportPng();
    const WallpaperPreview *preview() const { return m_preview; }

private:
    void refresh();
    void refreshCounts();
    void updatePreview();
    /** Stores a changed design through the undo stack; `control` names what changed. */
    void change(const std::function<void(Render::Wallpaper::Design &)> &edit, int control);
    void pickColor(int which);
    void pickImage();
    QImage backgroundImage() const;

    WorkbookDocument *m_document;
    FieldEditor *m_text = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_check = nullptr;
    QComboBox *m_sizes = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QComboBox *m_background = nullptr;
    QPushButton *m_color = nullptr;
    QPushButton *m_color2 = nullptr;
    QPushButton *m_image = nullptr;
    QFontComboBox *m_font = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QComboBox *m_weight = nullptr;
    QComboBox *m_alignment = nullptr;
    QPushButton *m_textColor = nullptr;
    QSpinBox *m_safeTop = nullptr;
    QSpinBox *m_safeBottom = nullptr;
    QSpinBox *m_safeSide = nullptr;
    QCheckBox *m_showSafe = nullptr;
    WallpaperPreview *m_preview = nullptr;
    QLabel *m_fit = nullptr;
    QPushButton *m_export = nullptr;
    bool m_updating = false;
    int m_lastControl = -1;
    int m_session = 0;
    mutable QByteArray m_imageKey;
    mutable QImage m_imageCache;
};

} // namespace Rallybook
