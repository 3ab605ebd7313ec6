// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/studio/wallpaperdesigner.h"

#include "core/render/brand.h"
#include "ui/commands/workbookcommands.h"
#include "ui/dialogs.h"
#include "ui/fieldeditors.h"
#include "ui/style.h"
#include "ui/typingcommitter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Rallybook {

using namespace Render;

namespace {

/** The mini manifesto, by its role (StudioPage shows the designer only when it has one). */
QString miniId(const WorkbookDocument *document)
{
    return document->definition().idFor(Core::Role::MiniManifesto);
}

enum Control {
    SizeControl,
    BackgroundControl,
    ColorControl,
    Color2Control,
    ImageControl,
    FontControl,
    FontSizeControl,
    WeightControl,
    AlignmentControl,
    TextColorControl,
    SafeTopControl,
    SafeBottomControl,
    SafeSideControl,
};

void paintSwatch(QPushButton *button, const QColor &color)
{
    QPixmap swatch(16, 16);
    swatch.fill(color);
    button->setIcon(QIcon(swatch));
    button->setText(color.name().toUpper());
}

} // namespace

// --- WallpaperPreview ----------------------------------------------------------------------

WallpaperPreview::WallpaperPreview(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("wallpaperPreview"));
    setMinimumSize(200, 240);
    setAccessibleName(tr("Wallpaper preview"));
}

void WallpaperPreview::show(const Wallpaper::Design &design,
                            const QString &text,
                            QSize size,
                            const QImage &background)
{
    m_design = design;
    m_text = text;
    m_size = size;
    m_background = background;
    // The fit is judged at full size, exactly as the export will be.
    m_full = Wallpaper::render(design, text, size, background);
    update();
}

void WallpaperPreview::setSafeAreaShown(bool shown)
{
    m_safeShown = shown;
    update();
}

void WallpaperPreview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Mid));
    if (m_full.image.isNull()) {
        return;
    }
    const int margin = Style::kGrid * 2;
    const QSize shown = m_size.scaled(size() - QSize(2 * margin, 2 * margin), Qt::KeepAspectRatio);
    const QRect target(QPoint((width() - shown.width()) / 2, (height() - shown.height()) / 2),
                       shown);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_full.image);
    painter.setPen(QPen(QColor(0, 0, 0, 120), 1));
    painter.drawRect(target.adjusted(0, 0, -1, -1));
    if (!m_safeShown) {
        return;
    }
    // The zones text must stay out of, drawn over the picture.
    const qreal scale = qreal(shown.width()) / m_size.width();
    const QRect safe = m_full.safeArea;
    const QRectF safeShown(target.left() + safe.left() * scale,
                           target.top() + safe.top() * scale,
                           safe.width() * scale,
                           safe.height() * scale);
    const bool portrait = m_size.height() >= m_size.width();
    const QRectF top(target.left(), target.top(), target.width(), safeShown.top() - target.top());
    const QRectF bottom(target.left(),
                        safeShown.bottom(),
                        target.width(),
                        target.bottom() + 1 - safeShown.bottom());
    painter.fillRect(top, QColor(255, 255, 255, 40));
    painter.fillRect(bottom, QColor(255, 255, 255, 40));
    painter.setPen(QPen(QColor(255, 255, 255, 200), 1, Qt::DashLine));
    painter.drawRect(safeShown);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);
    painter.setPen(QColor(255, 255, 255, 220));
    if (portrait) {
        // A lock screen's clock, roughly where phones put it, so the zone reads at a glance.
        QFont clock = font();
        clock.setPixelSize(std::max(8, int(top.height() * 0.38)));
        clock.setWeight(QFont::DemiBold);
        painter.setFont(clock);
        painter.setPen(QColor(255, 255, 255, 120));
        painter.drawText(top.adjusted(0, top.height() * 0.2, 0, 0),
                         Qt::AlignHCenter | Qt::AlignTop,
                         QStringLiteral("9:41"));
        painter.setFont(small);
        painter.setPen(QColor(255, 255, 255, 220));
    }
    painter.drawText(top.adjusted(4, 2, -4, -2),
                     Qt::AlignLeft | Qt::AlignBottom,
                     portrait ? tr("Clock") : tr("Menu bar"));
    painter.drawText(bottom.adjusted(4, 2, -4, -2),
                     Qt::AlignLeft | Qt::AlignTop,
                     portrait ? tr("Controls") : tr("Task bar or dock"));
}

// --- WallpaperDesigner ---------------------------------------------------------------------

WallpaperDesigner::WallpaperDesigner(WorkbookDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("wallpaperDesigner"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(
        Style::kGrid * 2, Style::kGrid * 2, Style::kGrid * 2, Style::kGrid * 2);
    layout->setSpacing(Style::kGrid * 3);

    auto *left = new QVBoxLayout;
    left->setSpacing(Style::kGrid);
    const Core::Field &field = *document->definition().field(miniId(m_document));
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(field.label.toHtmlEscaped()), this);
    left->addWidget(label);
    auto *question = new QLabel(field.question + u' ' + field.hint, this);
    question->setTextFormat(Qt::PlainText);
    question->setWordWrap(true);
    QPalette muted = question->palette();
    muted.setColor(QPalette::WindowText, Style::mutedText());
    question->setPalette(muted);
    left->addWidget(question);
    m_text = FieldEditor::create(document, field, this);
    label->setBuddy(m_text->focusTarget());
    left->addWidget(m_text);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("miniCounts"));
    m_counts->setTextFormat(Qt::PlainText);
    left->addWidget(m_counts);
    m_check = new QLabel(this);
    m_check->setObjectName(QStringLiteral("miniCheck"));
    m_check->setTextFormat(Qt::PlainText);
    m_check->setWordWrap(true);
    left->addWidget(m_check);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_sizes = new QComboBox(this);
    m_sizes->setObjectName(QStringLiteral("wallpaperSize"));
    for (const auto &screen : Wallpaper::standardSizes()) {
        m_sizes->addItem(screen.label, screen.size);
    }
    m_sizes->addItem(tr("Custom size"), QSize());
    form->addRow(tr("S&creen"), m_sizes);
    auto *custom = new QHBoxLayout;
    m_width = new QSpinBox(this);
    m_width->setObjectName(QStringLiteral("wallpaperWidth"));
    m_height = new QSpinBox(this);
    m_height->setObjectName(QStringLiteral("wallpaperHeight"));
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(16, Wallpaper::kMaximumSide);
        box->setSuffix(tr(" px"));
        box->setAccelerated(true);
    }
    custom->addWidget(m_width);
    custom->addWidget(new QLabel(QStringLiteral("\u00d7"), this));
    custom->addWidget(m_height);
    form->addRow(tr("Size"), custom);

    m_background = new QComboBox(this);
    m_background->setObjectName(QStringLiteral("wallpaperBackground"));
    m_background->addItems({tr("Solid colour"), tr("Two-colour gradient"), tr("Picture")});
    form->addRow(tr("&Background"), m_background);
    auto *colors = new QHBoxLayout;
    m_color = new QPushButton(this);
    m_color->setObjectName(QStringLiteral("wallpaperColor"));
    m_color2 = new QPushButton(this);
    m_color2->setObjectName(QStringLiteral("wallpaperColor2"));
    m_image = new QPushButton(tr("Choose &Picture\u2026"), this);
    m_image->setObjectName(QStringLiteral("wallpaperImage"));
    colors->addWidget(m_color);
    colors->addWidget(m_color2);
    colors->addWidget(m_image);
    form->addRow(tr("Colours"), colors);

    m_font = new QFontComboBox(this);
    m_font->setObjectName(QStringLiteral("wallpaperFont"));
    form->addRow(tr("&Font"), m_font);
    auto *type = new QHBoxLayout;
    m_fontSize = new QSpinBox(this);
    m_fontSize->setObjectName(QStringLiteral("wallpaperFontSize"));
    m_fontSize->setRange(12, 400);
    m_fontSize->setSuffix(tr(" px"));
    m_fontSize->setToolTip(tr("Text size on a screen 1080 pixels across; other screens scale it."));
    m_weight = new QComboBox(this);
    m_weight->setObjectName(QStringLiteral("wallpaperWeight"));
    for (const auto &[weight, name] : {std::pair{300, tr("Light")},
                                       std::pair{400, tr("Regular")},
                                       std::pair{600, tr("Semibold")},
                                       std::pair{700, tr("Bold")},
                                       std::pair{900, tr("Black")}}) {
        m_weight->addItem(name, weight);
    }
    m_alignment = new QComboBox(this);
    m_alignment->setObjectName(QStringLiteral("wallpaperAlignment"));
    m_alignment->addItem(tr("Left"), int(Qt::AlignLeft));
    m_alignment->addItem(tr("Centre"), int(Qt::AlignHCenter));
    m_alignment->addItem(tr("Right"), int(Qt::AlignRight));
    type->addWidget(m_fontSize);
    type->addWidget(m_weight);
    type->addWidget(m_alignment);
    form->addRow(tr("Type"), type);
    m_textColor = new QPushButton(this);
    m_textColor->setObjectName(QStringLiteral("wallpaperTextColor"));
    form->addRow(tr("Te&xt colour"), m_textColor);

    auto *margins = new QHBoxLayout;
    m_safeTop = new QSpinBox(this);
    m_safeTop->setObjectName(QStringLiteral("safeTop"));
    m_safeBottom = new QSpinBox(this);
    m_safeBottom->setObjectName(QStringLiteral("safeBottom"));
    m_safeSide = new QSpinBox(this);
    m_safeSide->setObjectName(QStringLiteral("safeSide"));
    for (QSpinBox *box : {m_safeTop, m_safeBottom, m_safeSide}) {
        box->setSuffix(tr(" %"));
    }
    m_safeTop->setRange(0, 45);
    m_safeTop->setPrefix(tr("top "));
    m_safeTop->setToolTip(tr("Kept clear for the lock screen's clock and date (30 % by default)."));
    m_safeBottom->setRange(0, 45);
    m_safeBottom->setPrefix(tr("bottom "));
    m_safeBottom->setToolTip(
        tr("Kept clear for the torch, camera and home bar (15 % by default)."));
    m_safeSide->setRange(0, 30);
    m_safeSide->setPrefix(tr("sides "));
    margins->addWidget(m_safeTop);
    margins->addWidget(m_safeBottom);
    margins->addWidget(m_safeSide);
    form->addRow(tr("Safe margins"), margins);
    m_showSafe = new QCheckBox(tr("Show the clock and controls zones"), this);
    m_showSafe->setObjectName(QStringLiteral("showSafeArea"));
    m_showSafe->setChecked(true);
    form->addRow(QString(), m_showSafe);
    left->addLayout(form);
    left->addStretch(1);
    layout->addLayout(left, 1);

    auto *right = new QVBoxLayout;
    m_preview = new WallpaperPreview(this);
    right->addWidget(m_preview, 1);
    m_fit = new QLabel(this);
    m_fit->setObjectName(QStringLiteral("wallpaperFit"));
    m_fit->setTextFormat(Qt::PlainText);
    m_fit->setWordWrap(true);
    right->addWidget(m_fit);
    m_export = new QPushButton(tr("&Export PNG\u2026"), this);
    m_export->setObjectName(QStringLiteral("exportWallpaper"));
    connect(m_export, &QPushButton::clicked, this, &WallpaperDesigner::exportPng);
    right->addWidget(m_export, 0, Qt::AlignRight);
    layout->addLayout(right, 1);

    // Every control edits the design through one undo command per control and visit.
    connect(m_sizes, &QComboBox::currentIndexChanged, this, [this] {
        const QSize size = m_sizes->currentData().toSize();
        m_width->setEnabled(!size.isValid());
        m_height->setEnabled(!size.isValid());
        if (size.isValid()) {
            change(
                [size](Wallpaper::Design &d) {
                    d.size = size;
                },
                SizeControl);
        }
    });
    for (QSpinBox *box : {m_width, m_height}) {
        connect(box, &QSpinBox::valueChanged, this, [this] {
            change(
                [this](Wallpaper::Design &d) {
                    d.size = QSize(m_width->value(), m_height->value());
                },
                SizeControl);
        });
    }
    connect(m_background, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index == int(Wallpaper::Background::Image) && backgroundImage().isNull()) {
            pickImage();
            return;
        }
        change(
            [index](Wallpaper::Design &d) {
                d.background = Wallpaper::Background(index);
            },
            BackgroundControl);
    });
    connect(m_color, &QPushButton::clicked, this, [this] {
        pickColor(ColorControl);
    });
    connect(m_color2, &QPushButton::clicked, this, [this] {
        pickColor(Color2Control);
    });
    connect(m_textColor, &QPushButton::clicked, this, [this] {
        pickColor(TextColorControl);
    });
    connect(m_image, &QPushButton::clicked, this, &WallpaperDesigner::pickImage);
    connect(m_font, &QFontComboBox::currentFontChanged, this, [this](const QFont &font) {
        change(
            [family = font.family()](Wallpaper::Design &d) {
                d.fontFamily = family;
            },
            FontControl);
    });
    connect(m_fontSize, &QSpinBox::valueChanged, this, [this](int value) {
        change(
            [value](Wallpaper::Design &d) {
                d.fontSize = value;
            },
            FontSizeControl);
    });
    connect(m_weight, &QComboBox::currentIndexChanged, this, [this] {
        change(
            [weight = m_weight->currentData().toInt()](Wallpaper::Design &d) {
                d.fontWeight = weight;
            },
            WeightControl);
    });
    connect(m_alignment, &QComboBox::currentIndexChanged, this, [this] {
        change(
            [a = m_alignment->currentData().toInt()](Wallpaper::Design &d) {
                d.alignment = Qt::Alignment(a);
            },
            AlignmentControl);
    });
    connect(m_safeTop, &QSpinBox::valueChanged, this, [this](int value) {
        change(
            [value](Wallpaper::Design &d) {
                d.safeTop = value;
            },
            SafeTopControl);
    });
    connect(m_safeBottom, &QSpinBox::valueChanged, this, [this](int value) {
        change(
            [value](Wallpaper::Design &d) {
                d.safeBottom = value;
            },
            SafeBottomControl);
    });
    connect(m_safeSide, &QSpinBox::valueChanged, this, [this](int value) {
        change(
            [value](Wallpaper::Design &d) {
                d.safeSide = value;
            },
            SafeSideControl);
    });
    connect(m_showSafe, &QCheckBox::toggled, m_preview, &WallpaperPreview::setSafeAreaShown);

    const Core::Workbook *workbook = &document->workbook();
    connect(workbook, &Core::Workbook::settingChanged, this, [this](const QString &key) {
        if (key == QLatin1String(Wallpaper::kDesignKey)
            || key == QLatin1String(Wallpaper::kImageKey)) {
            refresh();
        }
    });
    connect(workbook, &Core::Workbook::valueChanged, this, [this](const QString &fieldId) {
        if (fieldId == miniId(m_document)) {
            m_text->refresh();
            refreshCounts();
            updatePreview();
        }
    });
    // The preview follows typing, before it is committed.
    if (auto *edit = qobject_cast<QPlainTextEdit *>(m_text->focusTarget())) {
        connect(edit, &QPlainTextEdit::textChanged, this, [this] {
            refreshCounts();
            updatePreview();
        });
    }
    connect(document, &WorkbookDocument::flushRequested, this, &WallpaperDesigner::commitPending);
    connect(document, &WorkbookDocument::editableChanged, this, [this](bool editable) {
        m_text->setEditable(editable);
        refresh();
    });
    m_text->setEditable(document->isEditable());
    refresh();
    refreshCounts();
}

Wallpaper::Design WallpaperDesigner::design() const
{
    return Wallpaper::Design::fromJson(
        m_document->workbook().setting(QLatin1String(Wallpaper::kDesignKey)).toString());
}

QSize WallpaperDesigner::currentSize() const
{
    return design().size;
}

QImage WallpaperDesigner::backgroundImage() const
{
    const QByteArray stored =
        m_document->workbook().setting(QLatin1String(Wallpaper::kImageKey)).toByteArray();
    if (stored != m_imageKey) {
        m_imageKey = stored;
        m_imageCache = stored.isEmpty() ? QImage() : Wallpaper::decodeStoredImage(stored);
    }
    return m_imageCache;
}

void WallpaperDesigner::commitPending()
{
    m_text->commitPending();
}

void WallpaperDesigner::refresh()
{
    m_updating = true;
    const Wallpaper::Design d = design();
    int sizeIndex = m_sizes->count() - 1;
    for (int i = 0; i < m_sizes->count() - 1; ++i) {
        if (m_sizes->itemData(i).toSize() == d.size) {
            sizeIndex = i;
        }
    }
    m_sizes->setCurrentIndex(sizeIndex);
    const bool custom = sizeIndex == m_sizes->count() - 1;
    m_width->setValue(d.size.width());
    m_height->setValue(d.size.height());
    m_background->setCurrentIndex(int(d.background));
    paintSwatch(m_color, d.color);
    paintSwatch(m_color2, d.color2);
    paintSwatch(m_textColor, d.textColor);
    m_font->setCurrentFont(QFont(d.fontFamily));
    m_fontSize->setValue(d.fontSize);
    m_weight->setCurrentIndex(std::max(0, m_weight->findData(d.fontWeight)));
    m_alignment->setCurrentIndex(
        std::max(0, m_alignment->findData(int(d.alignment & Qt::AlignHorizontal_Mask))));
    m_safeTop->setValue(d.safeTop);
    m_safeBottom->setValue(d.safeBottom);
    m_safeSide->setValue(d.safeSide);
    const bool editable = m_document->isEditable();
    for (QWidget *control : std::initializer_list<QWidget *>{m_sizes,
                                                             m_background,
                                                             m_color,
                                                             m_image,
                                                             m_font,
                                                             m_fontSize,
                                                             m_weight,
                                                             m_alignment,
                                                             m_textColor,
                                                             m_safeTop,
                                                             m_safeBottom,
                                                             m_safeSide}) {
        control->setEnabled(editable);
    }
    m_width->setEnabled(editable && custom);
    m_height->setEnabled(editable && custom);
    m_color2->setEnabled(editable && d.background == Wallpaper::Background::Gradient);
    m_updating = false;
    updatePreview();
}

void WallpaperDesigner::refreshCounts()
{
    QString text = m_document->workbook().value(miniId(m_document)).toString();
    if (auto *edit = qobject_cast<QPlainTextEdit *>(m_text->focusTarget())) {
        text = edit->toPlainText();
    }
    const Core::TextStats stats = m_document->textStats(text);
    const int words = stats.words;
    const int sentences = stats.sentences;
    m_counts->setText((sentences == 1 ? tr("1 sentence") : tr("%1 sentences").arg(sentences))
                      + QStringLiteral("  \u00b7  ")
                      + (words == 1 ? tr("1 word") : tr("%1 words").arg(words)));
    // TL-C1 as the readiness checks report it for the saved text.
    const Core::Finding *finding = m_document->readiness().finding(QStringLiteral("TL-C1"));
    m_check->setVisible(finding);
    if (finding) {
        m_check->setText(
            QStringLiteral("%1: %2 %3")
                .arg(Brand::severityWord(finding->severity), finding->title, finding->message));
    }
}

void WallpaperDesigner::updatePreview()
{
    QString text = m_document->workbook().value(miniId(m_document)).toString();
    if (auto *edit = qobject_cast<QPlainTextEdit *>(m_text->focusTarget())) {
        text = edit->toPlainText();
    }
    const Wallpaper::Design d = design();
    m_preview->show(d, text, d.size, backgroundImage());
    const auto &rendered = m_preview->rendered();
    if (text.trimmed().isEmpty()) {
        m_fit->setText(tr("Write the mini manifesto to see it on the screen."));
    } else if (!rendered.fits) {
        m_fit->setText(tr("Warning: the text does not fit the safe area, even at the smallest "
                          "legible size. Shorten it, or make the safe margins smaller."));
    } else if (rendered.shrunk) {
        m_fit->setText(tr("The text was made smaller to fit the safe area (%1 px on this screen).")
                           .arg(rendered.fontPixelSize));
    } else {
        m_fit->setText(
            tr("The text fits the safe area at %1 px on this screen.").arg(rendered.fontPixelSize));
    }
    m_export->setEnabled(rendered.fits && !text.trimmed().isEmpty());
}

void WallpaperDesigner::change(const std::function<void(Wallpaper::Design &)> &edit, int control)
{
    if (m_updating || !m_document->isEditable()) {
        return;
    }
    Wallpaper::Design d = design();
    const QString before = d.toJson();
    edit(d);
    const QString after = d.toJson();
    if (after == before) {
        return;
    }
    // Consecutive changes of one control (spinning a size) are one undo step.
    if (control != m_lastControl) {
        m_lastControl = control;
        m_session = nextTypingSession();
    }
    // A failed write stops editing, and the window says why; the controls show the file's
    // design again (the change is kept for the rescue copy).
    if (!m_document->push(
            new SetValueCommand(m_document,
                                ValueTarget::setting(QLatin1String(Wallpaper::kDesignKey)),
                                after,
                                tr("Change the wallpaper"),
                                m_session))) {
        refresh();
    }
}

void WallpaperDesigner::pickColor(int which)
{
    const Wallpaper::Design d = design();
    const QColor initial = which == ColorControl    ? d.color
                           : which == Color2Control ? d.color2
                                                    : d.textColor;
    const QColor chosen = Dialogs::color(this, tr("Choose a Colour"), initial);
    if (!chosen.isValid()) {
        return;
    }
    change(
        [which, chosen](Wallpaper::Design &design) {
            (which == ColorControl    ? design.color
             : which == Color2Control ? design.color2
                                      : design.textColor) = chosen;
        },
        which);
    m_lastControl = -1;
}

void WallpaperDesigner::pickImage()
{
    const QString path = Dialogs::openImageName(this, tr("Choose a Background Picture"));
    if (path.isEmpty()) {
        refresh();
        return;
    }
    auto stored = Wallpaper::importImage(path);
    if (!stored) {
        Dialogs::error(this, tr("Cannot Use the Picture"), stored.error());
        refresh();
        return;
    }
    // The picture and the switch to it are one step.
    Wallpaper::Design d = design();
    d.background = Wallpaper::Background::Image;
    auto *step = new StepCommand(tr("Choose a wallpaper picture"));
    new SetValueCommand(m_document,
                        ValueTarget::setting(QLatin1String(Wallpaper::kImageKey)),
                        QString::fromLatin1(stored.value()),
                        QString(),
                        0,
                        step);
    new SetValueCommand(m_document,
                        ValueTarget::setting(QLatin1String(Wallpaper::kDesignKey)),
                        d.toJson(),
                        QString(),
                        0,
                        step);
    m_lastControl = -1;
    // A failed write stops editing, and the window says why; both changes are kept for the
    // rescue copy.
    if (!m_document->push(step)) {
        refresh();
    }
}

bool WallpaperDesigner::exportPng()
{
    commitPending();
    const QSize size = currentSize();
    const QString path =
        Dialogs::exportFileName(this,
                                tr("Export Wallpaper"),
                                tr("Mini manifesto %1x%2.png").arg(size.width()).arg(size.height()),
                                tr("PNG images (*.png)"),
                                QStringLiteral(".png"));
    if (path.isEmpty()) {
        return false;
    }
    // The file dialog has asked before replacing a file.
    auto written = Wallpaper::exportPng(design(),
                                        m_document->workbook().value(miniId(m_document)).toString(),
                                        size,
                                        backgroundImage(),
                                        path,
                                        true);
    if (!written) {
        Dialogs::error(this, tr("Cannot Export the Wallpaper"), written.error());
        return false;
    }
    m_fit->setText(tr("Saved %1 (%2 \u00d7 %3).")
                       .arg(QFileInfo(path).fileName())
                       .arg(size.width())
                       .arg(size.height()));
    return true;
}

} // namespace Rallybook
