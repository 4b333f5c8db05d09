#!/usr/bin/env python3
"""Writes the sample files in sample_corpus/formats/ (DOCX, ODT, PDF, EML, RTF).

Standard library only, and deterministic: fixed zip timestamps and MIME
boundaries, so running it again gives byte-identical files.

    python3 scripts/make_format_samples.py          # from the repository root

The texts are original and continue the stories of the rest of sample_corpus/.
The "scanned" PDF deliberately has no text layer: the app must list it as a
problem ("no text layer"), not read it.
"""

import email.policy
import zipfile
import zlib
from email.message import EmailMessage
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent.parent / "sample_corpus" / "formats"
ZIP_TIME = (2021, 6, 1, 12, 0, 0)


def write_zip(path, parts):
    """parts: list of (name, text, compress). Order is kept (ODT wants mimetype first)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, text, compress in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            archive.writestr(info, text.encode("utf-8"))


# ---------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_run(text):
    """A run; tabs become <w:tab/>, newlines <w:br/>."""
    pieces = []
    for i, line in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, cell in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if cell:
                pieces.append(f'<w:t xml:space="preserve">{escape(cell)}</w:t>')
    return "<w:r>" + "".join(pieces) + "</w:r>"


def docx_paragraph(text, style=None, bold_lead=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    lead = ""
    if bold_lead:
        lead = f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(bold_lead)}</w:t></w:r>'
    return f"<w:p>{props}{lead}{docx_run(text)}</w:p>"


def write_docx(path, paragraphs, core):
    body = "".join(docx_paragraph(*p) if isinstance(p, tuple) else docx_paragraph(p) for p in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    w3cdtf = ' xsi:type="dcterms:W3CDTF"'
    fields = "".join(
        f"<{tag}{w3cdtf if tag.startswith('dcterms') else ''}>{escape(value)}</{tag}>" for tag, value in core
    )
    core_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{fields}</cp:coreProperties>"
    )
    write_zip(
        path,
        [
            ("[Content_Types].xml", content_types, True),
            ("_rels/.rels", rels, True),
            ("word/document.xml", document, True),
            ("docProps/core.xml", core_xml, True),
        ],
    )


def make_docx():
    write_docx(
        OUT / "apapa-follow-up-memo-2016.docx",
        [
            ("MEMORANDUM", "Title"),
            "To:\tComptroller, Apapa Area Command\nFrom:\tChidi Okafor, Enforcement Unit\nDate:\t4 July 2016",
            ("Containers consigned by Meridian Freight Ltd — follow-up to my memo of 21 June 2016", "Heading1"),
            "Since my memo of 21 June, two more containers booked by Gulfstar Brokerage of Dubai on behalf of "
            "Harbour Light Relief have reached the Apapa terminal. Both were declared as tinned food and "
            "blankets, and both carry the same stencil — a lighthouse inside a circle — that we saw on the "
            "first four.",
            "I weighed the second container on 1 July at the Tin Can weighbridge because the Apapa scale was "
            "under repair. It came to 26,400 kg against a declared 14,800 kg. The seal numbers on the "
            "manifest do not match the seals on the doors, exactly as Daniel Achterberg reported from "
            "Rotterdam in September 2015.",
            "I ask again for authority to open the containers in the presence of the shipping agent. The "
            "agent's local office says Mr Mohammad Rahimi handles all Meridian bookings and that it cannot "
            "reach him.",
            "I have shared nothing with the press. I have, however, been asked by a reporter from The Lagos "
            "Courier, Ms Amina Okafor, whether the containers are being held. She is my sister, and I have "
            "told her I cannot discuss the matter.",
            "Chidi Okafor\nEnforcement Unit, Room 1999",
        ],
        [
            ("dc:title", "Meridian containers at Apapa: follow-up memo"),
            ("dc:creator", "Chidi Okafor"),
            ("dc:subject", "Meridian Freight Ltd consignments"),
            ("dcterms:created", "2016-07-04T09:30:00Z"),
            ("dcterms:modified", "2016-07-04T11:02:00Z"),
        ],
    )
    # No title in the properties: the reader must fall back to the first heading.
    write_docx(
        OUT / "harbour-light-board-minutes-2015.docx",
        [
            ("Harbour Light Relief — minutes of the board meeting, 9 November 2015", "Heading1"),
            "Present:\tSamuel Adeyemi (director, in the chair); Grace Mensah (treasurer); two trustees.\n"
            "Apologies:\tThe representative of the Global Relief Partnership Fund.",
            "1. Shipments. The director reported that eleven containers had left Jebel Ali for Mombasa and "
            "Lagos since March, all carried by Meridian Freight Ltd and booked through Gulfstar Brokerage. "
            "He said the broker's commission of 9% was \"the price of getting aid into difficult ports\".",
            "2. Rotterdam. The treasurer asked about the container stopped in Rotterdam on 14 September. "
            "The director said it had been a clerical error by the port and that the container was "
            "released the same morning. The treasurer asked for the inspection report to be circulated. "
            "The director agreed.",
            "3. Accounts. The treasurer said she could not reconcile the freight invoices with the "
            "quantities received in Dadaab. The director undertook to ask Mr Rahimi for the packing lists.",
            "Action: the director to circulate the Rotterdam report and the packing lists before the next "
            "meeting in February 2016. (Neither was circulated. — note added by Grace Mensah, 2018.)",
        ],
        [
            ("dc:creator", "Grace Mensah"),
            ("dcterms:created", "2015-11-10T17:45:00Z"),
        ],
    )


# ---------------------------------------------------------------- ODT

ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def odt_inline(text):
    """Runs of spaces become <text:s text:c=N/>, tabs <text:tab/>, newlines <text:line-break/>."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\t":
            out.append("<text:tab/>")
        elif ch == "\n":
            out.append("<text:line-break/>")
        elif ch == " " and i + 1 < len(text) and text[i + 1] == " ":
            run = len(text[i:]) - len(text[i:].lstrip(" "))
            out.append(f' <text:s text:c="{run - 1}"/>')
            i += run
            continue
        else:
            out.append(escape(ch))
        i += 1
    return "".join(out)


def write_odt(path, blocks, meta):
    body = []
    for kind, text in blocks:
        if kind == "h":
            body.append(f'<text:h text:outline-level="1">{odt_inline(text)}</text:h>')
        elif kind == "note":
            main, note = text
            body.append(
                f"<text:p>{odt_inline(main)}<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                f"<text:note-body><text:p>{odt_inline(note)}</text:p></text:note-body></text:note></text:p>"
            )
        else:
            body.append(f"<text:p>{odt_inline(text)}</text:p>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
        f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document-content>"
    )
    meta_fields = "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in meta)
    meta_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODT_NS}>'
        f"<office:meta>{meta_fields}</office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    write_zip(
        path,
        [
            ("mimetype", "application/vnd.oasis.opendocument.text", False),
            ("META-INF/manifest.xml", manifest, True),
            ("content.xml", content, True),
            ("meta.xml", meta_xml, True),
        ],
    )


def make_odt():
    write_odt(
        OUT / "coa-deposit-report-2021.odt",
        [
            ("h", "The Okafor deposit: a report to the COA board"),
            ("p", "Prepared by Leila Mansour, reading room, Geneva.  Reference:\tCOA/2021/017"),
            ("h", "What was deposited"),
            (
                "note",
                (
                    "On 3 May 2021 Amina Okafor deposited with the Coalition for Open Archives the working "
                    "files of her reporting on Meridian Freight Ltd: notebooks, 214 e-mails, the Apapa "
                    "memos, the Harbour Light Relief board minutes and the recording of her 2019 interview "
                    "with her brother, Chidi Okafor.",
                    "The cassette is a reused tape dated 3 March 1999; see the working timeline.",
                ),
            ),
            (
                "p",
                "The deposit is closed to the public until 2031 at the depositor's request, except for "
                "documents already published or read into the record at the Senate hearing chaired by "
                "Senator Ruth Whitfield on 6 March 2018.",
            ),
            ("h", "Names"),
            (
                "p",
                "The broker's name appears in the files as Mohammad Rahimi, Muhammad Rahimi and Mohamed "
                "Rahimi. We catalogue him under \"Rahimi, Muhammad\", the spelling his lawyer, Jean-Luc "
                "Moreau, uses.",
            ),
            ("p", "Recommendation:  accept the deposit on the depositor's terms."),
        ],
        [
            ("dc:title", "The Okafor deposit"),
            ("meta:initial-creator", "Leila Mansour"),
            ("dc:subject", "Accession report"),
            ("meta:creation-date", "2021-05-12T10:15:00"),
            ("dc:date", "2021-05-14T16:40:00"),
        ],
    )
    write_odt(
        OUT / "whitfield-hearing-briefing-2018.odt",
        [
            ("h", "Briefing for Senator Whitfield"),
            ("p", "Hearing of Tuesday, 6 March 2018 — Subcommittee on Oversight of Foreign Assistance"),
            (
                "p",
                "Purpose. To establish how grants from the Global Relief Partnership Fund reached Harbour "
                "Light Relief, and how that charity's shipments came to be carried by Meridian Freight Ltd "
                "of Limassol, Cyprus.",
            ),
            (
                "p",
                "Witnesses. Samuel Adeyemi (declined; statement in writing). A partner of Pemberton & Castle, "
                "whose audit of 12 January 2018 is attached. Amina Okafor of The Lagos Courier, by video "
                "link from Lagos.",
            ),
            (
                "p",
                "Suggested questions:\n1. Who chose Meridian, and when?\n2. Why did no one act on the "
                "Rotterdam seal report of September 2015?\n3. Where is Mr Rahimi now?",
            ),
        ],
        [
            ("dc:title", "Briefing for Senator Whitfield — Meridian hearing"),
            ("meta:initial-creator", "Subcommittee staff"),
            ("meta:creation-date", "2018-02-27T18:05:00"),
        ],
    )


# ---------------------------------------------------------------- PDF

def pdf_escape(text):
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def wrap(text, width):
    lines = []
    for source_line in text.split("\n"):
        line = ""
        for word in source_line.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return lines


def page_content(blocks):
    """blocks: list of (font, size, text). Lines at 1.3 x size, an empty line between blocks."""
    ops, y = [], 770.0
    for font, size, text in blocks:
        for line in wrap(text, 92 if size < 12 else 60):
            ops.append(b"BT /%s %d Tf 1 0 0 1 72 %.1f Tm (%s) Tj ET" % (font.encode(), size, y, pdf_escape(line)))
            y -= size * 1.3
        y -= size * 1.3
    return b"\n".join(ops)


def write_pdf(path, pages, info, compress=True):
    """pages: list of content streams (bytes). Standard Helvetica fonts, WinAnsi encoding."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_id = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids = []
    for content in pages:
        data = zlib.compress(content, 9) if compress else content
        filt = b" /Filter /FlateDecode" if compress else b""
        stream = add(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), filt, data))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, font, bold, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    info_id = add(b"<< " + b" ".join(b"/%s (%s)" % (k.encode(), pdf_escape(v)) for k, v in info) + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info_id,
        xref,
    )
    path.write_bytes(bytes(out))


def make_pdf():
    write_pdf(
        OUT / "moreau-second-letter-2020.pdf",
        [
            page_content(
                [
                    ("F2", 14, "CABINET MOREAU & ASSOCIÉS"),
                    ("F1", 10, "Avocats à la Cour\n14, rue de Miromesnil, 75008 Paris, France"),
                    ("F1", 10, "Paris, 14 April 2020"),
                    ("F1", 10, "To: Ms Amina Okafor, The Lagos Courier, Lagos, Nigeria"),
                    ("F1", 10, "Re: Your article of 9 April 2020 (our ref. JLM/2020/118)"),
                    ("F1", 10, "Dear Madam,"),
                    (
                        "F1",
                        10,
                        "We thank you for printing our letter of 3 March 2020 in full. We note, however, that "
                        "your article of 9 April again describes our client, Mr Muhammad Rahimi, as the man "
                        "\"behind\" Meridian Freight Ltd. Mr Rahimi has never owned, managed or advised that "
                        "company. Its owner was, and is, Mr Gregory Hale of Limassol.",
                    ),
                    (
                        "F1",
                        10,
                        "The investigating magistrate in Limassol has not summoned our client. He remains in "
                        "Dubai and has offered, through us, to answer any written question from the Cypriot "
                        "authorities or from the Senate subcommittee chaired by Senator Ruth Whitfield.",
                    ),
                    ("F1", 10, "Yours faithfully,\nJean-Luc Moreau"),
                ]
            )
        ],
        [
            ("Title", "Letter to The Lagos Courier, 14 April 2020"),
            ("Author", "Jean-Luc Moreau"),
            ("Subject", "Mr Muhammad Rahimi"),
            ("CreationDate", "D:20200414103000+02'00'"),
        ],
    )
    write_pdf(
        OUT / "rotterdam-seal-log-2015.pdf",
        [
            page_content(
                [
                    ("F2", 14, "Douane Rotterdam — container seal log, Maasvlakte II"),
                    ("F1", 10, "Officer: Daniel Achterberg. Shift: 14 September 2015, 05:00 to 13:00."),
                    (
                        "F1",
                        10,
                        "05:40 Container MRDU 448120 3, carrier Meridian Freight Ltd, from Jebel Ali to Apapa "
                        "via Rotterdam. Declared: humanitarian aid (blankets, tinned food), consignee Harbour "
                        "Light Relief.",
                    ),
                    (
                        "F1",
                        10,
                        "05:55 Seal on doors reads 0071836; manifest gives 0071863. Container held for "
                        "inspection. Agent informed.",
                    ),
                ]
            ),
            page_content(
                [
                    (
                        "F1",
                        10,
                        "07:20 Instruction by telephone from the duty manager: release, paperwork error "
                        "accepted. I recorded my objection. Container released 07:35 without opening.",
                    ),
                    ("F1", 10, "Copy of this page sent to the Risk Analysis team on 15 September 2015."),
                ]
            ),
        ],
        [
            ("Title", "Seal log, 14 September 2015"),
            ("Author", "Daniel Achterberg"),
            ("CreationDate", "D:20150914131500+02'00'"),
        ],
    )
    # A "scanned" form: only an image, no text layer. The app must report it, not read it.
    pixels = bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(48))
    image = b"q 480 640 0 0 57 100 cm BI /W 48 /H 64 /CS /G /BPC 8 ID " + pixels + b" EI Q"
    write_pdf(
        OUT / "scanned-customs-declaration.pdf",
        [image],
        [("Title", "Scanned customs declaration"), ("CreationDate", "D:20170301090000Z")],
    )


# ---------------------------------------------------------------- EML

def write_eml(path, message):
    data = message.as_bytes(policy=email.policy.SMTP)
    path.write_bytes(data)


def make_eml():
    msg = EmailMessage()
    msg["From"] = "Amina Okafor <amina.okafor@lagoscourier.example>"
    msg["To"] = "Chidi Okafor <c.okafor@mail.example>"
    msg["Subject"] = "Before we publish on Friday"
    msg["Date"] = "Tue, 18 Oct 2016 08:42:00 +0100"
    msg["Message-ID"] = "<20161018084200.4412@lagoscourier.example>"
    msg.set_content(
        "Chidi,\n\n"
        "I know you cannot talk about the containers, and I am not asking you to. I am writing because "
        "the piece runs on Friday 21 October and your name is not in it. Nobody at the paper knows you "
        "wrote the memo, and nobody will.\n\n"
        "I have attached the questions I am sending to Meridian Freight in Limassol and to the broker in "
        "Dubai, Mohammad Rahimi. If anything in them could identify you, tell me and I will cut it.\n\n"
        "Mum asks if you are coming on Sunday.\n\n"
        "Amina\n",
    )
    msg.add_attachment(
        "Questions for Meridian Freight Ltd and Gulfstar Brokerage\n\n"
        "1. Who packed and sealed the containers shipped for Harbour Light Relief between 2014 and 2016?\n"
        "2. Why do the seal numbers on the manifests differ from the seals on the doors?\n"
        "3. Why does the declared weight of container MRDU 448120 3 differ by more than 11 tonnes from "
        "its weight at Apapa?\n",
        filename="questions-for-meridian.txt",
    )
    # A picture the app does not read: it must not become a child document.
    msg.add_attachment(bytes(range(256)) * 4, maintype="image", subtype="png", filename="stencil-photo.png")
    msg.set_boundary("==sample-boundary-okafor-2016==")
    write_eml(OUT / "amina-to-chidi-2016-10-18.eml", msg)

    news = EmailMessage()
    news["From"] = "Coalition for Open Archives <reading-room@coa.example>"
    news["To"] = "Friends of the COA <friends@coa.example>"
    news["Subject"] = "Reading room news — November 2019"
    news["Date"] = "Thu, 28 Nov 2019 17:05:00 +0100"
    news["Message-ID"] = "<coa-news-2019-11@coa.example>"
    news.set_content(
        "<!DOCTYPE html><html><head><title>COA news</title>"
        "<style>p { font-family: Georgia; }</style></head><body>"
        "<h1>Reading room news &ndash; November&nbsp;2019</h1>"
        "<p>Dear friends,</p>"
        "<p>This month a United Nations panel of experts named &ldquo;Muhammad Rahimi&rdquo;, a broker in "
        "Dubai, in its report on arms reaching Libya. Readers of our Meridian file will know him as "
        "<i>Mohammad</i> Rahimi. On 26&nbsp;November the police in Limassol searched the offices of "
        "Meridian Freight&nbsp;Ltd.</p>"
        "<p>The reading room in Geneva is closed from 20&nbsp;December to 6&nbsp;January. "
        "Leila Mansour will answer urgent requests &amp; deposits.</p>"
        "<ul><li>New: the Cologne displaced-persons cards, 1946&ndash;1957</li>"
        "<li>Coming: the Okafor papers (not before 2021)</li></ul>"
        "<p>With our thanks,<br>The COA team</p>"
        "<!-- unsubscribe footer removed --></body></html>",
        subtype="html",
        cte="quoted-printable",
    )
    write_eml(OUT / "coa-newsletter-2019-11.eml", news)


# ---------------------------------------------------------------- RTF

def make_rtf():
    # Written by hand as a word processor would: font, colour and style tables, an
    # \info group, \'hh bytes in code page 1252 and \uN? escapes with a fallback.
    phone_note = (
        r"{\rtf1\ansi\ansicpg1252\deff0\uc1"
        r"{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset0 Arial;}}"
        r"{\colortbl;\red0\green0\blue0;\red200\green0\blue0;}"
        r"{\stylesheet{\s0 Normal;}{\s1\b Heading 1;}}"
        r"{\*\generator Hand-written sample;}"
        r"{\info{\title Call with Ma\'eetre Moreau}{\author Amina Okafor}{\subject Phone note}"
        r"{\creatim\yr2020\mo3\dy5\hr16\min20}}"
        "\n"
        r"\pard\s1\b\f1\fs28 Call with Ma\u238?tre Moreau, 5 March 2020\b0\par"
        "\n"
        r"\pard\s0\f0\fs24 He rang from Paris at 16:00 about his letter of 3 March. Polite, careful, "
        r"the caf\'e9 noise behind him. He says his client \ldblquote never set foot in Limassol\rdblquote "
        r"and would meet me in Dubai, with him present.\par"
        "\n"
        r"I asked about the 9% commission. He said it is \u8220?normal for difficult destinations\u8221? "
        r"\emdash  the same words as the letter.\par"
        "\n"
        r"{\*\bkmkstart todo}To do:\tab check the Gulfstar Brokerage registration (Feb. 2003) in Dubai;"
        r"\line\tab ask Chidi whether the Apapa memo named Rahimi.{\*\bkmkend todo}\par"
        "\n}"
    )
    (OUT / "moreau-phone-note-2020.rtf").write_bytes(phone_note.encode("ascii"))

    town_hall = (
        r"{\rtf1\ansi\ansicpg1252\deff0"
        r"{\fonttbl{\f0\fnil Calibri;}}"
        r"{\info{\title Town hall notes, Paris, Texas}{\author Whitfield district office}"
        r"{\creatim\yr2018\mo8\dy14}}"
        r"{\header\pard Whitfield district office \endash  internal\par}"
        "\n"
        r"\pard Aug. 14, 2018 \endash  Lamar County fairgrounds, about 300 people.\par"
        "\n"
        r"Senator Whitfield opened with the Meridian hearing: \ldblquote We paid for blankets and we "
        r"shipped something else.\rdblquote  A veteran asked why the Global Relief Partnership Fund "
        r"had not been audited before 2018. She said she had asked the same question in March.\par"
        "\n"
        r"Questions on farm prices and the Red River bridge took the rest of the hour. "
        r"Na\'efve point from a student: \ldblquote Can\rquote t we just track the containers?\rdblquote "
        r"Staff to send her the Rotterdam report.\par"
        "\n}"
    )
    (OUT / "whitfield-town-hall-notes-2018.rtf").write_bytes(town_hall.encode("ascii"))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    make_docx()
    make_odt()
    make_pdf()
    make_eml()
    make_rtf()
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>7}  {path.relative_to(OUT.parent.parent)}")


if __name__ == "__main__":
    main()
