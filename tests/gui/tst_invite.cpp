// SPDX-License-Identifier: GPL-3.0-or-later
// Invites in the desktop app: the QR code's matrix (version and size for the data), the view
// painting exactly that matrix inside its quiet zone, and the network window showing this
// node's invite (built by the facade from the key and the card) with Copy and the QR code.
#include "FakeBackend.h"
#include "facade/NodeController.h"
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/Invite.h"
#include "widgets/QrCode.h"
#include "widgets/QrCodeView.h"
#include "windows/NetworkDialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace orion;
using namespace orion::app;

namespace {
QByteArray signedCard(const identity::NodeIdentity &node, const identity::NetworkKey &network,
                      const QStringList &addresses, quint16 port) {
    identity::MemberRecord record =
        identity::MemberRecord::create(node, network.networkId(), addresses, port);
    record.sign(node);
    return record.toJson();
}

bool isDark(const QImage &image, const QPoint &at) {
    return qGray(image.pixel(at)) < 128;
}
} // namespace

class TestInvite : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<test::FakeNodeState> m_state;
    std::unique_ptr<facade::NodeController> m_node;
    identity::NetworkKey m_network;
    std::optional<identity::NodeIdentity> m_self;

    void startNode(const QByteArray &card) {
        m_state = std::make_shared<test::FakeNodeState>();
        m_state->status.nodeId = m_self->nodeId().toHex();
        m_state->networkKey = m_network.toText();
        m_state->memberCard = card;
        auto state = m_state;
        m_node = std::make_unique<facade::NodeController>(
            [state]() { return std::make_unique<test::FakeBackend>(state); });
        m_node->start();
        QTRY_COMPARE(m_node->status()->current().nodeId, m_self->nodeId().toHex());
    }

private Q_SLOTS:
    void initTestCase() {
        m_network = identity::NetworkKey::generate();
        m_self = identity::NodeIdentity::generate();
    }

    void cleanup() {
        if (m_node) {
            QVERIFY(m_node->stopAndWait());
        }
        m_node.reset();
    }

    void matrixHasTheSmallestVersionForTheData() {
        QVERIFY(widgets::QrCode::encode(QByteArray()).isNull());
        // Byte mode, level M: version 1 holds 14 bytes, version 2 26, version 6 106.
        const widgets::QrCode v1 = widgets::QrCode::encode(QByteArray(14, 'a'));
        QCOMPARE(v1.version(), 1);
        QCOMPARE(v1.size(), 21);
        const widgets::QrCode v2 = widgets::QrCode::encode("orion:join?network=x");
        QCOMPARE(v2.version(), 2);
        QCOMPARE(v2.size(), 25);
        QCOMPARE(widgets::QrCode::encode(QByteArray(15, 'a')).version(), 2);
        const widgets::QrCode v6 = widgets::QrCode::encode(QByteArray(106, 'a'));
        QCOMPARE(v6.version(), 6);
        QCOMPARE(v6.size(), 41);
        QCOMPARE(widgets::QrCode::encode(QByteArray(107, 'a')).version(), 7);
        // The three finder patterns: dark 7×7 rings in three corners, light inside the ring.
        for (const auto &[row, column] : {std::pair{0, 0}, {0, 34}, {34, 0}}) {
            QVERIFY(v6.isDark(row, column));
            QVERIFY(v6.isDark(row + 6, column + 6));
            QVERIFY(!v6.isDark(row + 1, column + 1));
            QVERIFY(v6.isDark(row + 3, column + 3));
        }
        QVERIFY(!v6.isDark(7, 7)); // the separator
        QVERIFY(!v6.isDark(-1, 0));
        QVERIFY(!v6.isDark(0, 41));
    }

    void viewPaintsTheModulesOfTheMatrix() {
        node::Invite invite;
        invite.networkKey = m_network.clone();
        auto record = identity::MemberRecord::fromJson(
            signedCard(*m_self, m_network, {QStringLiteral("192.0.2.7")}, 7400));
        QVERIFY(record.ok());
        invite.member = *record;
        const QString uri = invite.toUri();
        const widgets::QrCode expected = widgets::QrCode::encode(uri.toUtf8());
        QVERIFY(!expected.isNull());
        QCOMPARE(expected.size(), 17 + 4 * expected.version());
        QVERIFY(expected.version() > widgets::QrCode::encode(QByteArray(106, 'a')).version());

        widgets::QrCodeView view;
        view.setText(uri);
        QCOMPARE(view.code().version(), expected.version());
        const int modules = expected.size() + 2 * widgets::QrCodeView::kQuietZone;
        view.resize(modules * 5 + 3, modules * 5 + 10); // not a multiple: the code is centred
        QCOMPARE(view.modulePixels(), 5);
        const QImage image = view.grab().toImage();
        int dark = 0;
        for (int row = 0; row < expected.size(); ++row) {
            for (int column = 0; column < expected.size(); ++column) {
                const QPoint centre = view.moduleCentre(row, column);
                QVERIFY2(isDark(image, centre) == expected.isDark(row, column),
                         qPrintable(QStringLiteral("module %1,%2").arg(row).arg(column)));
                dark += expected.isDark(row, column) ? 1 : 0;
            }
        }
        QVERIFY(dark > 0 && dark < expected.size() * expected.size());
        // Modules are black or white whatever the palette, and the quiet zone is white all
        // round, four modules wide (the window's own background is not white).
        QCOMPARE(image.pixelColor(view.moduleCentre(0, 0)), QColor(Qt::black));
        QCOMPARE(image.pixelColor(view.moduleCentre(1, 1)), QColor(Qt::white));
        QVERIFY(image.pixelColor(0, 0) != QColor(Qt::white));
        for (int i = -4; i < expected.size() + 4; ++i) {
            for (const int edge : {-4, -1, expected.size(), expected.size() + 3}) {
                QCOMPARE(image.pixelColor(view.moduleCentre(edge, i)), QColor(Qt::white));
                QCOMPARE(image.pixelColor(view.moduleCentre(i, edge)), QColor(Qt::white));
            }
        }
        // Outside the quiet zone, the widget's background.
        QCOMPARE(image.pixelColor(view.moduleCentre(-5, 0)), image.pixelColor(0, 0));
        view.setText(QString());
        QVERIFY(view.code().isNull());
    }

    void networkWindowShowsTheInviteWithCopyAndQrCode() {
        const QByteArray card = signedCard(*m_self, m_network, {QStringLiteral("192.0.2.7")}, 7400);
        startNode(card);
        windows::NetworkDialog dialog(m_node.get());
        dialog.show();
        QTRY_VERIFY(!dialog.inviteText().isEmpty());
        // The invite is this node's: the network key and the card, and it parses as one.
        const auto parsed = node::Invite::parse(dialog.inviteText());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error()));
        QCOMPARE(parsed->networkKey.toText(), m_network.toText());
        QCOMPARE(parsed->member.nodeId, m_self->nodeId());
        QCOMPARE(parsed->member.port, quint16(7400));

        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("inviteEdit"));
        QCOMPARE(edit->text(), dialog.inviteText());
        QCOMPARE(edit->echoMode(), QLineEdit::Password); // secret like the key
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("copyInviteButton")),
                          Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.inviteText());
        QTRY_COMPARE(dialog.networkKeyText(), m_network.toText());
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("copyKeyButton")),
                          Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), m_network.toText());

        // The QR code is drawn only when asked for, and it is the invite.
        auto *qrButton = dialog.findChild<QPushButton *>(QStringLiteral("qrButton"));
        widgets::QrCodeView *qr = dialog.qrCodeView();
        QVERIFY(!qr->isVisible());
        QVERIFY(qr->code().isNull());
        QTest::mouseClick(qrButton, Qt::LeftButton);
        QVERIFY(qr->isVisible());
        QCOMPARE(qr->text(), dialog.inviteText());
        const widgets::QrCode expected = widgets::QrCode::encode(dialog.inviteText().toUtf8());
        QCOMPARE(qr->code().version(), expected.version());
        // Big enough to scan: the dialog makes room for modules of the preferred size.
        QTRY_VERIFY2(qr->modulePixels() >= widgets::QrCodeView::kPreferredModulePixels,
                     qPrintable(QStringLiteral("%1 px per module").arg(qr->modulePixels())));
        const QImage image = qr->grab().toImage();
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(isDark(image, qr->moduleCentre(i, i)), expected.isDark(i, i));
            QCOMPARE(isDark(image, qr->moduleCentre(i, expected.size() - 1 - i)),
                     expected.isDark(i, expected.size() - 1 - i));
        }
        QTest::mouseClick(qrButton, Qt::LeftButton);
        QVERIFY(!qr->isVisible());
        QVERIFY(qr->code().isNull());
    }

    void anUndialableCardMakesNoInvite() {
        startNode(signedCard(*m_self, m_network, {}, 7400));
        windows::NetworkDialog dialog(m_node.get());
        dialog.show();
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("inviteNote"));
        QTRY_VERIFY2(note->text().contains(QLatin1String("No invite can be made yet")),
                     qPrintable(note->text()));
        QVERIFY(note->text().contains(QLatin1String("address")));
        QVERIFY(dialog.inviteText().isEmpty());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("copyInviteButton"))->isEnabled());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("qrButton"))->isEnabled());
        // The key is still there to copy on its own.
        QTRY_COMPARE(dialog.networkKeyText(), m_network.toText());
    }
};

QTEST_MAIN(TestInvite)
#include "tst_invite.moc"
