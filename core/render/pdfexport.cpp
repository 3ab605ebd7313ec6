// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/pdfexport.h"

#include "core/fileutil.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QPdfWriter>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <string>
#include <vector>

namespace Rallybook::Render::PdfExport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Render::PdfExport", text);
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

QPDFObjectHandle destination(const std::vector<QPDFPageObjectHelper> &pages, int page, qreal top)
{
    QPDFObjectHandle dest = QPDFObjectHandle::newArray();
    dest.appendItem(pages.at(size_t(page)).getObjectHandle());
    dest.appendItem(QPDFObjectHandle::newName("/XYZ"));
    dest.appendItem(QPDFObjectHandle::newNull());
    dest.appendItem(QPDFObjectHandle::newReal(top, 2));
    dest.appendItem(QPDFObjectHandle::newNull());
    return dest;
}

/** Adds the outline, contents links and document information to Qt's PDF. */
QByteArray finish(const PlanDocument &plan, const QByteArray &input)
{
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("plan.pdf", input.constData(), size_t(input.size()));
    const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    const qreal pageHeight = plan.pageSizePoints().height();
    const int pageCount = int(pages.size());
    auto clampPage = [&](int page) {
        return std::clamp(page, 0, pageCount - 1);
    };
    // A destination shows a little of the page above the heading.
    auto top = [&](qreal y) {
        return std::min(pageHeight, pageHeight - y + 18);
    };

    // The outline: sections at the top level, their notable parts below them.
    QPDFObjectHandle root = pdf.getRoot();
    QPDFObjectHandle outlines = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    outlines.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
    struct Item
    {
        QPDFObjectHandle handle;
        std::vector<QPDFObjectHandle> kids;
    };
    std::vector<Item> top_level;
    for (const PlanOutlineEntry &entry : plan.outline()) {
        QPDFObjectHandle item = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(utf8(entry.title)));
        item.replaceKey("/Dest", destination(pages, clampPage(entry.page), top(entry.y)));
        if (entry.level == 0 || top_level.empty()) {
            top_level.push_back({item, {}});
        } else {
            top_level.back().kids.push_back(item);
        }
    }
    auto chain = [](const QPDFObjectHandle &parent, const std::vector<QPDFObjectHandle> &items) {
        for (size_t i = 0; i < items.size(); ++i) {
            QPDFObjectHandle item = items[i];
            item.replaceKey("/Parent", parent);
            if (i > 0) {
                item.replaceKey("/Prev", items[i - 1]);
            }
            if (i + 1 < items.size()) {
                item.replaceKey("/Next", items[i + 1]);
            }
        }
        if (!items.empty()) {
            QPDFObjectHandle p = parent;
            p.replaceKey("/First", items.front());
            p.replaceKey("/Last", items.back());
        }
    };
    std::vector<QPDFObjectHandle> handles;
    int visible = 0;
    for (Item &item : top_level) {
        chain(item.handle, item.kids);
        if (!item.kids.empty()) {
            // Open: the parts show under their section.
            item.handle.replaceKey("/Count",
                                   QPDFObjectHandle::newInteger(qint64(item.kids.size())));
            visible += int(item.kids.size());
        }
        handles.push_back(item.handle);
        ++visible;
    }
    chain(outlines, handles);
    outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(visible));
    if (!handles.empty()) {
        root.replaceKey("/Outlines", outlines);
        root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
    }
    QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
    preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", preferences);
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(utf8(QLocale().bcp47Name())));

    // Contents entries link to their pages (internal destinations only, never URIs).
    for (const PlanLink &link : plan.links()) {
        if (link.page < 0 || link.page >= pageCount) {
            continue;
        }
        QPDFObjectHandle annotation = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        annotation.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
        annotation.replaceKey("/Subtype", QPDFObjectHandle::newName("/Link"));
        annotation.replaceKey(
            "/Rect",
            QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(link.rect.left(),
                                                                   pageHeight - link.rect.bottom(),
                                                                   link.rect.right(),
                                                                   pageHeight - link.rect.top())));
        QPDFObjectHandle border = QPDFObjectHandle::newArray();
        for (int i = 0; i < 3; ++i) {
            border.appendItem(QPDFObjectHandle::newInteger(0));
        }
        annotation.replaceKey("/Border", border);
        annotation.replaceKey("/Dest",
                              destination(pages, clampPage(link.targetPage), top(link.targetY)));
        QPDFObjectHandle page = pages.at(size_t(link.page)).getObjectHandle();
        QPDFObjectHandle annots = page.getKey("/Annots");
        if (!annots.isArray()) {
            annots = QPDFObjectHandle::newArray();
            page.replaceKey("/Annots", annots);
        }
        annots.appendItem(annotation);
    }

    // Document information.
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(utf8(plan.title())));
    if (!plan.author().isEmpty()) {
        info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(utf8(plan.author())));
    }
    if (!plan.subject().isEmpty()) {
        info.replaceKey("/Subject", QPDFObjectHandle::newUnicodeString(utf8(plan.subject())));
    }
    info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString("Rallybook " RALLYBOOK_VERSION));

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setDeterministicID(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()),
                      qsizetype(buffer->getSize()));
}

} // namespace

Core::Result<QByteArray> render(const PlanDocument &plan, const Progress &progress)
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(1200);
        writer.setTitle(plan.title());
        writer.setCreator(QStringLiteral("Rallybook " RALLYBOOK_VERSION));
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_1_6);
        if (auto printed = plan.print(&writer, progress); !printed) {
            return printed.error();
        }
    }
    try {
        return finish(plan, bytes);
    } catch (const std::exception &e) {
        return Core::Error{Core::ErrorCode::Internal,
                           tr("The PDF could not be finished: its outline could not be added."),
                           QString::fromUtf8(e.what())};
    }
}

Core::Result<void> write(const PlanDocument &plan, const QString &path, const Progress &progress)
{
    auto bytes = render(plan, progress);
    if (!bytes) {
        Core::Error error = bytes.error();
        error.message = tr("%1 was not written: %2")
                            .arg(QStringLiteral("\u201c%1\u201d").arg(QFileInfo(path).fileName()),
                                 error.message);
        return error;
    }
    return Core::Files::writeFile(path, bytes.value(), true);
}

Core::Result<void> exportPlan(const Core::Definition &definition,
                              const Core::WorkbookContent &content,
                              const PlanOptions &options,
                              const QString &path,
                              const Progress &progress)
{
    auto plan = PlanDocument::create(definition, content, options, progress);
    if (!plan) {
        return plan.error();
    }
    return write(*plan.value(), path, progress);
}

} // namespace Rallybook::Render::PdfExport
