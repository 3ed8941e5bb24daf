/**
 * Deterministic seed data for the mock backend. Everything derives from `{ seed, now }`:
 * the same pair always gives the same clients, feeds, orders and timestamps.
 *
 * Feeds are generated newest-first by a lazy generator, so the database can learn a client's
 * summary (newest item, consecutive advisor messages) without materialising 10,000 items.
 */
import type {
  AdvisorStatus,
  FeedItem,
  MessageItem,
  OrderDetail,
  OrderItem,
  OrderReview,
  OrderStatus,
  OrderType,
  Sender,
} from '../core/types.js';
import { Rng, hashString } from './prng.js';

/** The advisor every mock session signs in as. */
export const MOCK_ADVISOR_ID = 'a-1';
export const MOCK_ADVISOR_NAME = 'Luna Starweaver';

/**
 * Well-known client ids, stable for every seed. See `docs/mocks.md`.
 */
export const MOCK_CLIENTS = {
  /** "Dana K.": the demo's star, ~45 items, unread (2 trailing client messages), orders of every type and status. */
  dana: 'c-dana',
  /** 2,500 items, every order type × status, long bodies. */
  longHistory: 'c-long',
  /** 10,000 items (generated on first access). */
  huge: 'c-huge',
  /** Exactly 7 unread client messages at the end of the feed. */
  sevenUnread: 'c-unread7',
  /** A completed order with a negative review: sending is blocked (`negative_review`). */
  negativeReview: 'c-negrev',
  /** The advisor's last 5 messages had no reply: blocked (`consecutive_limit`). */
  fiveInARow: 'c-five',
  /** 4 advisor messages in a row: one message left. */
  oneLeft: 'c-four',
  /** Arabic and Hebrew message bodies. */
  rtl: 'c-rtl',
  /** Emoji in the name and the bodies. */
  emoji: 'c-emoji',
  /** Bodies that look like HTML / script injection, and a `javascript:` link. */
  html: 'c-html',
  /** A display name over 60 characters. */
  longName: 'c-longname',
  /** No feed items at all. */
  noHistory: 'c-empty',
  /** Messages with http(s) links and multi-line text. */
  links: 'c-links',
} as const;
export type MockClientKey = keyof typeof MOCK_CLIENTS;

/** Every order type × every order status, the pending ones first. */
export const ALL_ORDER_COMBOS: ReadonlyArray<readonly [OrderType, OrderStatus]> = (() => {
  const types: OrderType[] = [
    'recorded_reading',
    'rush_reading',
    'live_chat',
    'live_voice',
    'live_video',
  ];
  const statuses: OrderStatus[] = ['pending', 'in_progress', 'completed', 'cancelled', 'refunded'];
  const out: Array<readonly [OrderType, OrderStatus]> = [];
  for (const s of statuses) for (const t of types) out.push([t, s]);
  return out;
})();

export interface SeedContext {
  seed: number;
  now: number;
  /** URL prefix of the mock's own avatar images, e.g. `/api/dm/__avatars`. */
  avatarBase: string;
}

export type TailItem =
  | { kind: 'message'; sender: Sender; body: string }
  | {
      kind: 'order';
      orderType: OrderType;
      status: OrderStatus;
      review?: OrderReview | null;
      question?: string;
    };

export type Flavor = 'normal' | 'rtl' | 'emoji' | 'html' | 'links' | 'long';

/** How one client's data is generated. */
export interface ClientSpec {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  /** Total number of seeded feed items (tail included). */
  total: number;
  /** Explicit newest items, newest first. */
  tail: TailItem[];
  /** How many of the newest items are unread client messages. */
  unreadCount: number;
  /** Epoch ms of the newest item (or of the client's creation when it has no items). */
  newestAt: number;
  flavor: Flavor;
  forcedOrders: ReadonlyArray<readonly [OrderType, OrderStatus]>;
  orderEvery: number;
  /** Gap between two generated items, in minutes. */
  gapMinutes: readonly [number, number];
}

/** A generated item and, for orders, its details. */
export interface SeededItem {
  item: FeedItem;
  detail?: OrderDetail;
}

const FIRST_NAMES = [
  'Amelia',
  'Noah',
  'Olivia',
  'Liam',
  'Sofia',
  'Mateo',
  'Isla',
  'Ethan',
  'Chloe',
  'Lucas',
  'Maya',
  'Oscar',
  'Priya',
  'Arjun',
  'Hana',
  'Kenji',
  'Zara',
  'Omar',
  'Ingrid',
  'Lars',
  'Camila',
  'Diego',
  'Aisha',
  'Kwame',
  'Elena',
  'Marco',
  'Grace',
  'Henry',
  'Nina',
  'Felix',
  'Ruby',
  'Theo',
  'Leila',
  'Samir',
  'Freya',
  'Ivan',
  'Mei',
  'Jun',
  'Clara',
  'Hugo',
  'Rosa',
  'Pablo',
  'Ava',
  'Jack',
  'Sienna',
  'Caleb',
  'Yara',
  'Tomas',
  'Lucy',
  'Miles',
  'Naomi',
  'Adrian',
  'Eva',
  'Jonah',
  'Iris',
  'Rafael',
  'Bianca',
  'Dmitri',
  'Alice',
  'Simon',
  'Harper',
  'Ezra',
  'Stella',
  'Nico',
  'Jade',
  'Owen',
  'Vera',
  'Emil',
  'Lila',
  'Ravi',
];
const INITIALS = 'ABCDEFGHIJKLMNOPRSTVWYZ';

const CLIENT_LINES = [
  'Hi Luna, I hope you are well.',
  'Will he call me back this month?',
  'I had the strangest dream last night and I keep thinking about it.',
  'Thank you so much for the reading, it really helped.',
  'Can you look at my career path for the next few months?',
  'Is this new job offer the right move for me?',
  'My sister and I have not spoken in a year. Will that change?',
  'You were right about the timing!',
  'I feel stuck and I do not know why.',
  'Should I sign the lease or wait?',
  'Do you see a move abroad in my future?',
  'Quick question before I place an order.',
  'I would love a follow-up reading when you are online.',
  'Something you said last time finally makes sense.',
  'Are you available for a live call tonight?',
];
const ADVISOR_LINES = [
  'Thank you for reaching out, I am here for you.',
  'I am tuning in to your energy now.',
  'The cards show a period of change, but a positive one.',
  'Trust your intuition on this, it has not failed you.',
  'I sense a message coming your way within the next few weeks.',
  'Your recorded reading is ready, I hope it brings clarity.',
  'Let us look at this together in a live session if you like.',
  'Take a deep breath, things are moving in your favour.',
  'I see a strong connection, but patience is key.',
  'Please keep me posted, I would love to hear how it goes.',
  'The Three of Cups came up: celebration and friendship.',
  'Be gentle with yourself this week.',
];
const RTL_LINES = [
  'مرحبا لونا، هل يمكنك قراءة طالعي لهذا الشهر؟',
  'شكرا جزيلا على القراءة، كانت دقيقة جدا.',
  'هل سأجد عملا جديدا قريبا؟',
  'שלום לונה, מה את רואה לגבי הזוגיות שלי?',
  'תודה רבה! הקריאה הייתה מדויקת מאוד.',
  'האם כדאי לי לעבור דירה השנה? (2025)',
  'Hi Luna — أنا متحمسة جدا لقراءتي القادمة!',
];
const EMOJI_LINES = [
  'Thank you!!! 🙏✨💖',
  '🔮🌙⭐ what do the stars say today?',
  'I got the job 🎉🎉🎉 you were right 😭',
  'Feeling 😬 about tomorrow… any advice? 🤞',
  '👩‍👩‍👧‍👦 family stuff again 🙃',
  '🏳️‍🌈 🇯🇵 🧑🏽‍🚀 flags and ZWJ sequences 👨‍👩‍👧',
  '💔➡️❤️‍🩹 healing slowly',
];
const HTML_LINES = [
  '<b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)>',
  'Click here: javascript:alert(1) or [link](javascript:alert(1))',
  '<a href="javascript:alert(1)">free reading</a> &amp; &lt;tag&gt; &#60;script&#62;',
  "\"><svg onload=alert(1)> {{constructor.constructor('alert(1)')()}} ${alert(1)}",
  '<style>body{display:none}</style><iframe src="https://example.com"></iframe>',
];
const LINK_LINES = [
  'Here is the article I mentioned: https://example.com/reading',
  'My notes are at https://example.com/notes?id=42&ref=dm#top, can you look?',
  'Do not click javascript:alert(1), it is not a real link.',
  'Line one of my question\nline two, with more detail\n\nand a new paragraph after a blank line.',
  'Two links: http://example.org/a and https://example.com/b.',
];
const LONG_PARAGRAPH =
  "I want to give you the whole story so you can read the situation properly. We met three years ago at a friend's wedding, " +
  'and for the first year everything felt easy and natural, like we had known each other forever. Then his job moved him to ' +
  'another city and we tried to keep it going with long calls every night, but slowly the calls got shorter and the silences ' +
  'got longer. Last spring he said he needed space to figure out what he wanted, and I gave him that space, even though it ' +
  'hurt more than I expected. Now he has started texting again, small things at first, a photo of a place we used to go to, ' +
  'a song he knows I love. ';
const LONG_TEXT = LONG_PARAGRAPH.repeat(Math.ceil(2000 / LONG_PARAGRAPH.length));
const QUESTIONS = [
  'Will my relationship with Sam become serious this year?',
  'What should I focus on in my career for the next six months?',
  'Is there something blocking my finances that I cannot see?',
  'Will I reconnect with my father?',
  'What energy surrounds my new business idea?',
];

/** Builds a long body of about 1,500 to 2,000 characters. */
export function longBody(rng: Rng): string {
  const target = rng.int(1500, 1975);
  return `${LONG_TEXT.slice(0, target).trimEnd()} What do you see for us?`;
}

function shortBody(rng: Rng, sender: Sender, flavor: Flavor): string {
  if (sender === 'client') {
    if (flavor === 'rtl') return rng.pick(RTL_LINES);
    if (flavor === 'emoji') return `${rng.pick(CLIENT_LINES)} ${rng.pick(EMOJI_LINES)}`;
    if (flavor === 'html') return rng.pick(HTML_LINES);
    if (flavor === 'links' && rng.chance(0.6)) return rng.pick(LINK_LINES);
  }
  const pool = sender === 'client' ? CLIENT_LINES : ADVISOR_LINES;
  const r = rng.next();
  if (r < 0.04 || (flavor === 'long' && r < 0.15)) return longBody(rng);
  if (r < 0.12) return `${rng.pick(pool)}\n${rng.pick(pool)}`;
  if (r < 0.15) return `${rng.pick(pool)} https://example.com/reading`;
  const n = rng.int(1, 3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(rng.pick(pool));
  return parts.join(' ');
}

const ORDER_TOPICS = [
  'Love & relationships',
  'Career path',
  'Money & abundance',
  'Family ties',
  'New beginnings',
  'Life purpose',
];
const LIVE_TYPES: ReadonlySet<OrderType> = new Set(['live_chat', 'live_voice', 'live_video']);

/** Preview text (≤140 chars) of a feed item, as the client list shows it. */
export function previewOf(item: FeedItem | undefined): string | null {
  if (!item) return null;
  const text = item.kind === 'message' ? item.body : `Order: ${item.title}`;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 140) return flat;
  return `${flat.slice(0, 139)}…`;
}

/** Builds an order (item + detail) deterministically. */
export function makeOrder(
  rng: Rng,
  init: {
    id: string;
    clientId: string;
    at: number;
    now: number;
    orderType: OrderType;
    status: OrderStatus;
    review?: OrderReview | null;
    question?: string;
  },
): SeededItem {
  const { orderType, status } = init;
  const live = LIVE_TYPES.has(orderType);
  const durationMinutes = live ? rng.pick([10, 15, 20, 30, 45, 60]) : null;
  const currency = rng.weighted<string>([
    ['USD', 80],
    ['EUR', 8],
    ['GBP', 7],
    ['JPY', 5],
  ]);
  let amountMinor: number;
  if (live) amountMinor = (durationMinutes ?? 10) * rng.pick([199, 299, 399, 499]);
  else
    amountMinor =
      orderType === 'rush_reading' ? rng.int(49, 99) * 100 + 99 : rng.int(24, 69) * 100 + 99;
  if (currency === 'JPY') amountMinor = Math.round(amountMinor * 1.5) * 1; // yen have no minor unit
  // The card shows the type above the title: the title names the topic (chosen from the id, so the
  // seeded random sequence, and with it every other seeded value, stays as it was).
  const topic = ORDER_TOPICS[hashString(init.id) % ORDER_TOPICS.length]!;
  const title = live ? `${topic} · ${durationMinutes} min` : `${topic} reading`;
  const item: OrderItem = {
    kind: 'order',
    id: init.id,
    clientId: init.clientId,
    at: new Date(init.at).toISOString(),
    orderType,
    status,
    title,
    price: { amountMinor, currency },
    durationMinutes,
  };
  let review: OrderReview | null = null;
  if (init.review !== undefined) review = init.review;
  else if (status === 'completed') {
    review = rng.weighted<OrderReview | null>([
      [null, 45],
      [{ rating: 'positive', comment: null }, 25],
      [
        {
          rating: 'positive',
          comment: rng.pick([
            'Spot on, thank you!',
            'Luna is amazing ✨',
            'Very accurate and kind.',
          ]),
        },
        30,
      ],
    ]);
  }
  const deliveredAt =
    status === 'completed'
      ? new Date(Math.min(init.now, init.at + rng.int(20, 24 * 60) * 60_000)).toISOString()
      : null;
  const detail: OrderDetail = {
    ...item,
    question: init.question ?? (live && rng.chance(0.5) ? null : rng.pick(QUESTIONS)),
    deliveredAt,
    review,
  };
  return { item, detail };
}

interface SpecialDef {
  id: string;
  displayName: string;
  total: number;
  tail: TailItem[];
  unreadCount: number;
  flavor?: Flavor;
  forcedOrders?: ReadonlyArray<readonly [OrderType, OrderStatus]>;
  orderEvery?: number;
  gapMinutes?: readonly [number, number];
  /** Minutes before `now` of the newest item. */
  ageMinutes: number;
  avatar?: boolean;
}

const msg = (sender: Sender, body: string): TailItem => ({ kind: 'message', sender, body });

function specialDefs(): SpecialDef[] {
  return [
    {
      id: MOCK_CLIENTS.dana,
      displayName: 'Dana K.',
      total: 45,
      unreadCount: 2,
      ageMinutes: 3,
      avatar: true,
      tail: [
        msg('client', 'Also, is tomorrow evening a good time for a live call? 🙂'),
        msg(
          'client',
          'Hi Luna! I just watched the reading again. The part about the letter gave me chills.\nCan we talk about what comes next?',
        ),
        msg(
          'advisor',
          'Your recorded reading is ready, Dana. Take your time with it and write to me after.',
        ),
      ],
      forcedOrders: [
        ['live_chat', 'pending'],
        ['recorded_reading', 'in_progress'],
        ['rush_reading', 'completed'],
        ['live_voice', 'completed'],
        ['live_video', 'completed'],
        ['recorded_reading', 'cancelled'],
        ['live_chat', 'refunded'],
        ['rush_reading', 'refunded'],
        ['live_video', 'cancelled'],
        ['recorded_reading', 'completed'],
      ],
      orderEvery: 4,
      flavor: 'links',
    },
    {
      id: MOCK_CLIENTS.longHistory,
      displayName: 'Theodora B.',
      total: 2500,
      unreadCount: 0,
      ageMinutes: 95,
      tail: [msg('advisor', 'Talk soon, Theodora. The energy around you is settling.')],
      forcedOrders: ALL_ORDER_COMBOS,
      orderEvery: 40,
      flavor: 'long',
      gapMinutes: [5, 600],
    },
    {
      id: MOCK_CLIENTS.huge,
      displayName: 'Harriet Q.',
      total: 10_000,
      unreadCount: 0,
      ageMinutes: 240,
      tail: [],
      gapMinutes: [2, 240],
    },
    {
      id: MOCK_CLIENTS.sevenUnread,
      displayName: 'Sam P.',
      total: 30,
      unreadCount: 7,
      ageMinutes: 12,
      avatar: true,
      tail: [
        msg('client', 'Hello??'),
        msg('client', 'Please answer when you can 🙏'),
        msg('client', 'Sorry for all the messages.'),
        msg('client', 'He just texted me!!!'),
        msg('client', 'Actually never mind, it was his friend.'),
        msg('client', 'Are you online?'),
        msg('client', 'Luna, something happened today.'),
        msg('advisor', 'Write to me any time, Sam.'),
      ],
    },
    {
      id: MOCK_CLIENTS.negativeReview,
      displayName: 'Rex N.',
      total: 14,
      unreadCount: 0,
      ageMinutes: 60 * 26,
      tail: [
        msg('client', 'I left a review. That reading was nothing like my life.'),
        {
          kind: 'order',
          orderType: 'recorded_reading',
          status: 'completed',
          review: { rating: 'negative', comment: 'Vague and generic, not worth the money.' },
          question: 'Will my band get signed this year?',
        },
      ],
    },
    {
      id: MOCK_CLIENTS.fiveInARow,
      displayName: 'Fiona W.',
      total: 18,
      unreadCount: 0,
      ageMinutes: 60 * 5,
      tail: [
        msg('advisor', 'I will be here whenever you are ready.'),
        msg('advisor', 'Just checking in, Fiona. How did the interview go?'),
        msg('advisor', 'A new moon is coming, a good time for fresh starts.'),
        msg('advisor', 'I pulled a card for you today: the Star. Hope!'),
        msg('advisor', 'Thank you for your order, Fiona. Your reading is on its way.'),
        msg('client', 'Thanks Luna, talk soon.'),
      ],
    },
    {
      id: MOCK_CLIENTS.oneLeft,
      displayName: 'Felix O.',
      total: 16,
      unreadCount: 0,
      ageMinutes: 60 * 7,
      tail: [
        msg('advisor', 'Let me know if you would like a follow-up.'),
        msg('advisor', 'The Wheel of Fortune is turning for you.'),
        msg('advisor', 'I meditated on your question this morning.'),
        msg('advisor', 'Hi Felix, I hope the week is treating you well.'),
        msg('client', 'Thank you for the reading!'),
      ],
    },
    {
      id: MOCK_CLIENTS.rtl,
      displayName: 'Noor A.',
      total: 20,
      unreadCount: 1,
      ageMinutes: 25,
      flavor: 'rtl',
      tail: [msg('client', 'مرحبا لونا، هل يمكنك قراءة طالعي لهذا الشهر؟ שלום! 123')],
    },
    {
      id: MOCK_CLIENTS.emoji,
      displayName: 'Sunny M. 🌻',
      total: 20,
      unreadCount: 0,
      ageMinutes: 60 * 30,
      flavor: 'emoji',
      avatar: true,
      tail: [msg('client', '🔮✨ thank you thank you thank you 💖💖💖 👩‍👩‍👧‍👦🏳️‍🌈')],
    },
    {
      id: MOCK_CLIENTS.html,
      displayName: 'Max T.',
      total: 12,
      unreadCount: 0,
      ageMinutes: 60 * 50,
      flavor: 'html',
      tail: [
        msg(
          'client',
          '<b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1)',
        ),
      ],
    },
    {
      id: MOCK_CLIENTS.longName,
      displayName: 'Maximiliana Alexandrina Wolkenstein-Barrington de la Cruz y Ó.',
      total: 10,
      unreadCount: 0,
      ageMinutes: 60 * 72,
      tail: [],
    },
    {
      id: MOCK_CLIENTS.noHistory,
      displayName: 'Eve Z.',
      total: 0,
      unreadCount: 0,
      ageMinutes: 60 * 24 * 9,
      tail: [],
    },
    {
      id: MOCK_CLIENTS.links,
      displayName: 'Linus R.',
      total: 15,
      unreadCount: 0,
      ageMinutes: 60 * 100,
      flavor: 'links',
      tail: [
        msg(
          'client',
          'Here is the article I mentioned: https://example.com/reading\nand please ignore javascript:alert(1)',
        ),
      ],
    },
  ];
}

/** Builds every client's spec (cheap: no feed items are generated here). */
export function buildSpecs(
  ctx: SeedContext,
  opts: { clientCount: number; scenario: 'default' | 'empty' },
): ClientSpec[] {
  if (opts.scenario === 'empty') return [];
  const rng = new Rng(hashString(`clients:${ctx.seed}`));
  const avatar = (id: string) => `${ctx.avatarBase}/${id}.svg`;
  const specs: ClientSpec[] = [];
  for (const def of specialDefs()) {
    if (specs.length >= opts.clientCount) break;
    specs.push({
      id: def.id,
      displayName: def.displayName,
      avatarUrl: def.avatar ? avatar(def.id) : null,
      total: def.total,
      tail: def.tail,
      unreadCount: def.unreadCount,
      newestAt: ctx.now - def.ageMinutes * 60_000,
      flavor: def.flavor ?? 'normal',
      forcedOrders: def.forcedOrders ?? [],
      orderEvery: def.orderEvery ?? 0,
      gapMinutes: def.gapMinutes ?? [3, 60 * 36],
    });
  }
  const genericCount = Math.max(0, opts.clientCount - specs.length);
  // ~8 unread clients in all: the specials hold 3, pick 5 generic ones.
  const unreadSlots = new Set<number>();
  while (unreadSlots.size < Math.min(5, genericCount))
    unreadSlots.add(rng.int(0, genericCount - 1));
  const usedNames = new Set(specs.map((s) => s.displayName));
  for (let i = 0; i < genericCount; i++) {
    let name = '';
    do {
      name = `${rng.pick(FIRST_NAMES)} ${INITIALS[rng.int(0, INITIALS.length - 1)]}.`;
    } while (usedNames.has(name) && usedNames.size < FIRST_NAMES.length * INITIALS.length);
    usedNames.add(name);
    const id = `c-${String(i + 1).padStart(3, '0')}`;
    const unread = unreadSlots.has(i);
    const unreadCount = unread ? rng.int(1, 3) : 0;
    const tail: TailItem[] = [];
    for (let k = 0; k < unreadCount; k++)
      tail.push({ kind: 'message', sender: 'client', body: '' });
    const ageMinutes = unread ? rng.int(1, 60 * 6) : rng.int(30, 60 * 24 * 45);
    specs.push({
      id,
      displayName: name,
      avatarUrl: rng.chance(0.3) ? avatar(id) : null,
      total: unreadCount + rng.int(4, 40),
      tail,
      unreadCount,
      newestAt: ctx.now - ageMinutes * 60_000 - rng.int(0, 59) * 1000,
      flavor: 'normal',
      forcedOrders: [],
      orderEvery: 0,
      gapMinutes: [3, 60 * 48],
    });
  }
  return specs;
}

/**
 * Generates a client's seeded feed newest-first. Item ids are stable: `m-<clientId>-<index>` /
 * `o-<clientId>-<index>` where index counts from the oldest item (0).
 */
export function* generateNewestFirst(ctx: SeedContext, spec: ClientSpec): Generator<SeededItem> {
  const rng = new Rng(hashString(`feed:${ctx.seed}:${spec.id}`));
  let at = spec.newestAt;
  let advisorRun = 0;
  let forced = 0;
  for (let j = 0; j < spec.total; j++) {
    const index = spec.total - 1 - j;
    if (j > 0) {
      const inTail = j < spec.tail.length;
      const [min, max] = inTail ? [1, 12] : spec.gapMinutes;
      at -= rng.int(min, max) * 60_000 + rng.int(0, 59) * 1000;
    }
    const tail = spec.tail[j];
    if (tail) {
      if (tail.kind === 'message') {
        const body = tail.body || shortBody(rng, tail.sender, spec.flavor);
        yield { item: message(spec.id, index, at, tail.sender, body) };
      } else {
        yield makeOrder(rng, {
          id: `o-${spec.id}-${index}`,
          clientId: spec.id,
          at,
          now: ctx.now,
          orderType: tail.orderType,
          status: tail.status,
          ...(tail.review !== undefined ? { review: tail.review } : {}),
          ...(tail.question !== undefined ? { question: tail.question } : {}),
        });
      }
      continue;
    }
    const r = j - spec.tail.length;
    const combo =
      spec.orderEvery > 0 && r % spec.orderEvery === 2 ? spec.forcedOrders[forced] : undefined;
    if (combo) forced++;
    if (combo || rng.chance(0.1)) {
      const orderType = combo ? combo[0] : rng.pick(ALL_ORDER_COMBOS)[0];
      const status = combo
        ? combo[1]
        : rng.weighted<OrderStatus>([
            ['completed', 82],
            ['cancelled', 9],
            ['refunded', 9],
          ]);
      advisorRun = 0;
      yield makeOrder(rng, {
        id: `o-${spec.id}-${index}`,
        clientId: spec.id,
        at,
        now: ctx.now,
        orderType,
        status,
      });
      continue;
    }
    let sender: Sender = rng.chance(0.5) ? 'advisor' : 'client';
    if (advisorRun >= 3) sender = 'client';
    advisorRun = sender === 'advisor' ? advisorRun + 1 : 0;
    yield { item: message(spec.id, index, at, sender, shortBody(rng, sender, spec.flavor)) };
  }
}

function message(
  clientId: string,
  index: number,
  at: number,
  sender: Sender,
  body: string,
): MessageItem {
  return {
    kind: 'message',
    id: `m-${clientId}-${index}`,
    clientId,
    at: new Date(at).toISOString(),
    sender,
    body,
    clientMessageId: null,
  };
}

/** Client message bodies the `clientWrites` control cycles through. */
export const CLIENT_WRITES_BODIES = [
  'Hi Luna, are you there?',
  'I have news! Can we talk?',
  'Thank you for your last message 💖',
  'Quick question about my reading.',
  'He called!! You were right.',
  'Could you look at my week ahead?',
];

/** A small SVG avatar (initials on a colour from the id). */
export function avatarSvg(id: string, displayName: string): string {
  const hue = hashString(id) % 360;
  const initials = displayName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0] ?? '')
    .join('')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="hsl(${hue} 45% 32%)"/><text x="32" y="40" font-family="sans-serif" font-size="22" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
}

/** Whether an advisor status blocks sending, and with which reason. */
export function statusReason(status: AdvisorStatus) {
  switch (status) {
    case 'suspended':
      return 'advisor_suspended' as const;
    case 'rejected':
      return 'advisor_rejected' as const;
    case 'needs_improvement':
      return 'advisor_needs_improvement' as const;
    default:
      return null;
  }
}
