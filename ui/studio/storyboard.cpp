// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/studio/storyboard.h"

#include "ui/commands/workbookcommands.h"
#include "ui/dialogs.h"
#include "ui/style.h"
#include "ui/typingcommitter.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Rallybook {

using namespace Render;
namespace TS = Render::TitleSequence;

namespace {

QString seconds(int milliseconds)
{
    return QLocale().toString(milliseconds / 1000.0, 'f', 1);
}

} // namespace

// --- SequencePlayer ------------------------------------------------------------------------

SequencePlayer::SequencePlayer(const TS::Sequence &sequence, QWidget *window)
    : QWidget(window)
    , m_sequence(sequence)
    , m_starts(sequence.starts())
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("sequencePlayer"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);
    setGeometry(window->rect());
    window->installEventFilter(this);
    m_timer->setInterval(16);
    connect(m_timer, &QTimer::timeout, this, &SequencePlayer::tick);
    m_clock.start();
    m_timer->start();
    raise();
    QWidget::show();
    setFocus(Qt::OtherFocusReason);
}

int SequencePlayer::position() const
{
    return m_paused ? m_offset : m_offset + int(m_clock.elapsed());
}

int SequencePlayer::currentBeat() const
{
    const int at = position();
    for (int i = int(m_starts.size()) - 1; i >= 0; --i) {
        if (at >= m_starts.at(i)) {
            return i;
        }
    }
    return 0;
}

void SequencePlayer::setPaused(bool paused)
{
    if (paused == m_paused) {
        return;
    }
    m_offset = position();
    m_paused = paused;
    m_clock.restart();
    update();
}

void SequencePlayer::seek(int milliseconds)
{
    m_offset = std::clamp(milliseconds, 0, std::max(0, m_sequence.totalMilliseconds() - 1));
    m_clock.restart();
    update();
}

void SequencePlayer::tick()
{
    if (!m_paused && position() >= m_sequence.totalMilliseconds()) {
        m_timer->stop();
        emit finished();
        close();
        return;
    }
    update();
}

void SequencePlayer::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (m_sequence.beats.isEmpty()) {
        return;
    }
    // 16:9, letterboxed in the window.
    const QSize frame = QSize(16, 9).scaled(size(), Qt::KeepAspectRatio);
    const QRectF area(QPointF((width() - frame.width()) / 2.0, (height() - frame.height()) / 2.0),
                      frame);
    const int index = currentBeat();
    const int at = position();
    const TS::Beat &beat = m_sequence.beats.at(index);
    TS::paintBeat(painter, area, beat);
    // Cross-fade into the next beat over the last moments of this one.
    const int end = m_starts.at(index) + beat.milliseconds;
    const int fade = std::min(TS::kTransitionMilliseconds, beat.milliseconds / 2);
    if (index + 1 < m_sequence.beats.size() && at > end - fade) {
        painter.setOpacity(qreal(at - (end - fade)) / fade);
        TS::paintBeat(painter, area, m_sequence.beats.at(index + 1));
        painter.setOpacity(1);
    }
    QFont small = font();
    painter.setFont(small);
    painter.setPen(QColor(255, 255, 255, 150));
    const QString status = m_paused
                               ? tr("Paused  \u00b7  Space plays, \u2190 \u2192 step, Esc closes")
                               : tr("Space pauses  \u00b7  Esc closes");
    painter.drawText(
        rect().adjusted(Style::kGrid * 2, 0, -Style::kGrid * 2, -Style::kGrid),
        Qt::AlignBottom | Qt::AlignRight,
        tr("%1 / %2  \u00b7  %3").arg(index + 1).arg(m_sequence.beats.size()).arg(status));
}

void SequencePlayer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        close();
        return;
    case Qt::Key_Space:
        setPaused(!m_paused);
        return;
    case Qt::Key_Right:
        if (currentBeat() + 1 < m_starts.size()) {
            seek(m_starts.at(currentBeat() + 1));
        }
        return;
    case Qt::Key_Left:
        seek(m_starts.value(std::max(0, currentBeat() - 1)));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void SequencePlayer::mousePressEvent(QMouseEvent *)
{
    setPaused(!m_paused);
}

bool SequencePlayer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize) {
        setGeometry(parentWidget()->rect());
    }
    return false;
}

// --- Storyboard ----------------------------------------------------------------------------

Storyboard::Storyboard(WorkbookDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("storyboard"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(
        Style::kGrid * 2, Style::kGrid * 2, Style::kGrid * 2, Style::kGrid * 2);
    layout->setSpacing(Style::kGrid * 3);

    auto *left = new QVBoxLayout;
    m_cards = new QListWidget(this);
    m_cards->setObjectName(QStringLiteral("storyboardCards"));
    m_cards->setAccessibleName(tr("Beats of the title sequence"));
    m_cards->setIconSize(QSize(192, 108));
    m_cards->setSpacing(Style::kGrid / 2);
    m_cards->setWordWrap(true);
    left->addWidget(m_cards, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add Card"), this);
    add->setObjectName(QStringLiteral("addCard"));
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("removeCard"));
    m_up = new QPushButton(tr("Move &Up"), this);
    m_up->setObjectName(QStringLiteral("moveCardUp"));
    m_down = new QPushButton(tr("Move &Down"), this);
    m_down->setObjectName(QStringLiteral("moveCardDown"));
    for (QPushButton *button : {add, m_remove, m_up, m_down}) {
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    left->addLayout(buttons);
    layout->addLayout(left, 3);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("cardText"));
    m_text->setMaxLength(TS::kMaximumTextLength);
    form->addRow(tr("On-screen &text"), m_text);
    m_duration = new QDoubleSpinBox(this);
    m_duration->setObjectName(QStringLiteral("cardDuration"));
    m_duration->setRange(TS::kMinimumMilliseconds / 1000.0, TS::kMaximumMilliseconds / 1000.0);
    m_duration->setSingleStep(0.5);
    m_duration->setDecimals(1);
    m_duration->setSuffix(tr(" s"));
    form->addRow(tr("D&uration"), m_duration);
    m_background = new QPushButton(this);
    m_background->setObjectName(QStringLiteral("cardBackground"));
    form->addRow(tr("&Background"), m_background);
    right->addLayout(form);
    m_follows = new QLabel(this);
    m_follows->setObjectName(QStringLiteral("storyboardFollows"));
    m_follows->setTextFormat(Qt::PlainText);
    m_follows->setWordWrap(true);
    QPalette muted = m_follows->palette();
    muted.setColor(QPalette::WindowText, Style::mutedText());
    m_follows->setPalette(muted);
    right->addWidget(m_follows);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("storyboardTotal"));
    m_total->setTextFormat(Qt::PlainText);
    right->addWidget(m_total);
    auto *playButton = new QPushButton(tr("&Play the Sequence"), this);
    playButton->setObjectName(QStringLiteral("playSequence"));
    right->addWidget(playButton);
    auto *exports = new QHBoxLayout;
    auto *pdf = new QPushButton(tr("Slides (PDF)\u2026"), this);
    pdf->setObjectName(QStringLiteral("exportSlides"));
    auto *srt = new QPushButton(tr("Subtitles (SRT)\u2026"), this);
    srt->setObjectName(QStringLiteral("exportSubtitles"));
    auto *frames = new QPushButton(tr("Frames (PNG)\u2026"), this);
    frames->setObjectName(QStringLiteral("exportFrames"));
    exports->addWidget(pdf);
    exports->addWidget(srt);
    exports->addWidget(frames);
    right->addWidget(new QLabel(tr("Export"), this));
    right->addLayout(exports);
    right->addStretch(1);
    layout->addLayout(right, 2);

    connect(add, &QPushButton::clicked, this, &Storyboard::addCard);
    connect(m_remove, &QPushButton::clicked, this, &Storyboard::removeCard);
    connect(m_up, &QPushButton::clicked, this, [this] {
        moveCard(-1);
    });
    connect(m_down, &QPushButton::clicked, this, [this] {
        moveCard(1);
    });
    connect(playButton, &QPushButton::clicked, this, &Storyboard::play);
    connect(pdf, &QPushButton::clicked, this, [this] {
        exportAs(QStringLiteral("pdf"));
    });
    connect(srt, &QPushButton::clicked, this, [this] {
        exportAs(QStringLiteral("srt"));
    });
    connect(frames, &QPushButton::clicked, this, [this] {
        exportAs(QStringLiteral("png"));
    });
    connect(m_cards, &QListWidget::currentRowChanged, this, &Storyboard::showCard);

    m_typing = new TypingCommitter(m_text, [this](int session) {
        const int index = currentCard();
        TS::Sequence edited = sequence();
        if (index < 0 || index >= edited.beats.size()
            || edited.beats[index].text == m_text->text()) {
            return;
        }
        edited.beats[index].text = m_text->text();
        store(edited, tr("Edit the text of beat %1").arg(index + 1), session);
    });
    connect(m_text, &QLineEdit::textEdited, m_typing, &TypingCommitter::changed);
    connect(m_text, &QLineEdit::returnPressed, m_typing, &TypingCommitter::flush);
    connect(m_duration, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        const int index = currentCard();
        TS::Sequence edited = sequence();
        if (m_updating || index < 0 || index >= edited.beats.size()) {
            return;
        }
        edited.beats[index].milliseconds = int(value * 1000 + 0.5);
        if (m_durationSession == 0) {
            m_durationSession = nextTypingSession();
        }
        store(edited, tr("Change the duration of beat %1").arg(index + 1), m_durationSession);
    });
    connect(m_background, &QPushButton::clicked, this, [this] {
        const int index = currentCard();
        TS::Sequence edited = sequence();
        if (index < 0 || index >= edited.beats.size()) {
            return;
        }
        const QColor chosen =
            Dialogs::color(this, tr("Background of the Beat"), edited.beats[index].background);
        if (chosen.isValid() && chosen != edited.beats[index].background) {
            edited.beats[index].background = chosen;
            store(edited, tr("Change the background of beat %1").arg(index + 1));
        }
    });

    const Core::Workbook *workbook = &document->workbook();
    connect(workbook, &Core::Workbook::settingChanged, this, [this](const QString &key) {
        if (key == QLatin1String(TS::kSettingKey)) {
            refresh();
        }
    });
    connect(workbook, &Core::Workbook::valueChanged, this, [this](const QString &fieldId) {
        const Core::Definition &definition = m_document->definition();
        for (const QString &kind : TS::standardKinds()) {
            if (fieldId == TS::fieldOf(definition, kind)) {
                refresh();
                break;
            }
        }
    });
    connect(document, &WorkbookDocument::flushRequested, this, &Storyboard::commitPending);
    connect(document, &WorkbookDocument::editableChanged, this, &Storyboard::refresh);
    refresh();
    m_cards->setCurrentRow(0);
}

TS::Sequence Storyboard::sequence() const
{
    return TS::Sequence::of(m_document->workbook());
}

int Storyboard::currentCard() const
{
    return m_cards->currentRow();
}

void Storyboard::setCurrentCard(int index)
{
    m_cards->setCurrentRow(index);
}

void Storyboard::commitPending()
{
    m_typing->flush();
}

void Storyboard::store(const TS::Sequence &sequence, const QString &text, int session)
{
    if (!m_document->isEditable()) {
        return;
    }
    TS::Sequence edited = sequence;
    edited.edited = true;
    // A failed write stops editing, and the window says why (editableChanged refreshes the
    // storyboard); the change is kept for the rescue copy.
    if (!m_document->push(new SetValueCommand(m_document,
                                              ValueTarget::setting(QLatin1String(TS::kSettingKey)),
                                              edited.toJson(),
                                              text,
                                              session))) {
        refresh();
    }
}

void Storyboard::addCard()
{
    commitPending();
    TS::Sequence edited = sequence();
    if (edited.beats.size() >= TS::kMaximumBeats) {
        return;
    }
    const int at = currentCard() < 0 ? int(edited.beats.size()) : currentCard() + 1;
    edited.beats.insert(at,
                        TS::Beat{QStringLiteral("custom"),
                                 QString(),
                                 TS::kDefaultMilliseconds,
                                 QColor(0x1C, 0x1B, 0x1F)});
    store(edited, tr("Add a card to the storyboard"));
    setCurrentCard(at);
    m_text->setFocus(Qt::OtherFocusReason);
}

void Storyboard::removeCard()
{
    commitPending();
    TS::Sequence edited = sequence();
    const int at = currentCard();
    if (at < 0 || at >= edited.beats.size()) {
        return;
    }
    edited.beats.removeAt(at);
    store(edited, tr("Remove card %1 from the storyboard").arg(at + 1));
    setCurrentCard(std::min(at, int(edited.beats.size()) - 1));
}

void Storyboard::moveCard(int delta)
{
    commitPending();
    TS::Sequence edited = sequence();
    const int from = currentCard();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= edited.beats.size()) {
        return;
    }
    edited.beats.move(from, to);
    store(edited, tr("Move card %1 in the storyboard").arg(from + 1));
    setCurrentCard(to);
}

SequencePlayer *Storyboard::play()
{
    commitPending();
    if (m_player) {
        m_player->close();
    }
    m_player = new SequencePlayer(sequence(), window());
    return m_player;
}

bool Storyboard::exportAs(const QString &kind)
{
    commitPending();
    const TS::Sequence current = sequence();
    Core::Result<void> done;
    if (kind == QLatin1String("png")) {
        const QString folder = Dialogs::folderName(this, tr("Export Frames to a Folder"));
        if (folder.isEmpty()) {
            return false;
        }
        auto written = TS::exportFrames(current, folder, true);
        if (!written) {
            Dialogs::error(this, tr("Cannot Export the Frames"), written.error());
            return false;
        }
        return true;
    }
    const bool pdf = kind == QLatin1String("pdf");
    const QString path =
        Dialogs::exportFileName(this,
                                pdf ? tr("Export Slides") : tr("Export Subtitles"),
                                pdf ? tr("Title sequence.pdf") : tr("Title sequence.srt"),
                                pdf ? tr("PDF documents (*.pdf)") : tr("SubRip subtitles (*.srt)"),
                                pdf ? QStringLiteral(".pdf") : QStringLiteral(".srt"));
    if (path.isEmpty()) {
        return false;
    }
    done = TS::exportFile(current, path, true);
    if (!done) {
        Dialogs::error(this,
                       pdf ? tr("Cannot Export the Slides") : tr("Cannot Export the Subtitles"),
                       done.error());
        return false;
    }
    return true;
}

void Storyboard::refresh()
{
    m_updating = true;
    const TS::Sequence current = sequence();
    const int row = std::min(m_cards->currentRow(), int(current.beats.size()) - 1);
    m_cards->clear();
    const QList<int> starts = current.starts();
    for (int i = 0; i < current.beats.size(); ++i) {
        const TS::Beat &beat = current.beats.at(i);
        QImage thumbnail =
            TS::frame(beat, QSize(384, 216))
                .scaled(m_cards->iconSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        // A hairline frame keeps dark frames apart from a dark list.
        {
            QPainter painter(&thumbnail);
            painter.setPen(QPen(palette().color(QPalette::Mid), 1));
            painter.drawRect(thumbnail.rect().adjusted(0, 0, -1, -1));
        }
        auto *item =
            new QListWidgetItem(QIcon(QPixmap::fromImage(thumbnail)),
                                tr("%1. %2  \u00b7  %3 s (from %4 s)\n%5")
                                    .arg(i + 1)
                                    .arg(TS::kindLabel(beat.kind),
                                         seconds(beat.milliseconds),
                                         seconds(starts.at(i)),
                                         beat.text.isEmpty() ? tr("(no text)") : beat.text),
                                m_cards);
        item->setToolTip(beat.text);
    }
    m_cards->setCurrentRow(std::max(0, row));
    m_total->setText(tr("%1 beats, %2 s in all")
                         .arg(current.beats.size())
                         .arg(seconds(current.totalMilliseconds())));
    m_follows->setText(
        current.edited ? tr("You have edited the storyboard: its texts no longer follow the "
                            "Title of Liberty section's beats. Undo goes back step by step.")
                       : tr("The texts come from the Title of Liberty section (%1 to %2) and "
                            "follow it until you edit the storyboard here.")
                             .arg(m_document->definition().idFor(Core::Role::LeaderBeat),
                                  m_document->definition().idFor(Core::Role::UsVersusThemBeats)));
    m_updating = false;
    showCard();
}

void Storyboard::showCard()
{
    m_updating = true;
    const TS::Sequence current = sequence();
    const int index = currentCard();
    const bool valid = index >= 0 && index < current.beats.size();
    const bool editable = m_document->isEditable();
    if (valid) {
        const TS::Beat &beat = current.beats.at(index);
        if (!m_typing->isPending() && m_text->text() != beat.text) {
            m_text->setText(beat.text);
        }
        m_duration->setValue(beat.milliseconds / 1000.0);
        QPixmap swatch(16, 16);
        swatch.fill(beat.background);
        m_background->setIcon(QIcon(swatch));
        m_background->setText(beat.background.name().toUpper());
    }
    m_text->setEnabled(valid);
    m_text->setReadOnly(!editable);
    m_duration->setEnabled(valid && editable);
    m_background->setEnabled(valid && editable);
    m_remove->setEnabled(valid && editable);
    m_up->setEnabled(valid && editable && index > 0);
    m_down->setEnabled(valid && editable && index + 1 < current.beats.size());
    m_durationSession = 0;
    m_updating = false;
}

} // namespace Rallybook
