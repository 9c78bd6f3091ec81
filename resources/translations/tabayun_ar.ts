<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Agreement</name>
    <message>
        <source>n/a</source>
        <translation>غير متاح</translation>
    </message>
    <message>
        <source>Agreement between annotators</source>
        <translation>الاتفاق بين المرمِّزين</translation>
    </message>
    <message>
        <source>(all codes)</source>
        <translation>(كل الرموز)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>كابا كوهين κ</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation>ألفا كريبندورف α</translation>
    </message>
    <message>
        <source>{a} (rows) × {b} (columns)</source>
        <translation>{a} (الصفوف) × {b} (الأعمدة)</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>المرمِّزون:</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <source>Other outlet</source>
        <translation>الوسيلة الأخرى</translation>
    </message>
    <message>
        <source>Other words</source>
        <translation>الكلمات الأخرى</translation>
    </message>
    <message>
        <source>Double-click or Enter: show the span in the grid.</source>
        <translation>نقر مزدوج أو Enter: عرض المقطع في الجدول.</translation>
    </message>
    <message>
        <source>Per code</source>
        <translation>لكل رمز</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>مصفوفة الالتباس</translation>
    </message>
    <message>
        <source>Disagreements ({n})</source>
        <translation>مواضع الخلاف ({n})</translation>
    </message>
    <message>
        <source>Shown in the grid.</source>
        <translation>معروض في الجدول.</translation>
    </message>
    <message>
        <source>This span is not in the open event: open that event to see it in the grid.</source>
        <translation>هذا المقطع ليس في الحدث المفتوح: افتح ذلك الحدث لتراه في الجدول.</translation>
    </message>
</context>
<context>
    <name>Annotation</name>
    <message>
        <source>label: {code}</source>
        <translation>تسمية: {code}</translation>
    </message>
    <message>
        <source>delete label: {code}</source>
        <translation>حذف التسمية: {code}</translation>
    </message>
    <message>
        <source>change label: {what}</source>
        <translation>تغيير التسمية: {what}</translation>
    </message>
    <message>
        <source>Your codebook could not be loaded ({error}); using the default codebook.</source>
        <translation>تعذّر تحميل دليل الترميز الخاص بك ({error})؛ يُستخدم دليل الترميز الافتراضي.</translation>
    </message>
    <message>
        <source>Labelling is off</source>
        <translation>التسمية متوقفة</translation>
    </message>
    <message>
        <source>: {error}. The file is left as it is, never overwritten: fix it (a spreadsheet may have changed it), or choose another file with File → Labels File…</source>
        <translation>: {error}. تُرك الملف كما هو ولن يُكتب فوقه: أصلحه (ربما غيّره برنامج جداول بيانات)، أو اختر ملفًا آخر من ملف ← ملف التسميات…</translation>
    </message>
    <message>
        <source>: {error} Then reopen the event.</source>
        <translation>: {error} ثم أعد فتح الحدث.</translation>
    </message>
    <message>
        <source>: cannot use {path} for labels ({error}); choose another file with File → Labels File…</source>
        <translation>: لا يمكن استخدام {path} للتسميات ({error})؛ اختر ملفًا آخر من ملف ← ملف التسميات…</translation>
    </message>
    <message>
        <source>Labels could not be re-anchored ({error}).</source>
        <translation>تعذّر إعادة ربط التسميات بمواضعها ({error}).</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) no longer match the article text; they are kept in {file} unchanged:</source>
        <translation>
            <numerusform>لا تسميات لم تعد تطابق نص المقال؛ وهي محفوظة في {file} دون تغيير:</numerusform>
            <numerusform>تسمية واحدة لم تعد تطابق نص المقال؛ وهي محفوظة في {file} دون تغيير:</numerusform>
            <numerusform>تسميتان لم تعودا تطابقان نص المقال؛ وهما محفوظتان في {file} دون تغيير:</numerusform>
            <numerusform>%n تسميات لم تعد تطابق نص المقال؛ وهي محفوظة في {file} دون تغيير:</numerusform>
            <numerusform>%n تسمية لم تعد تطابق نص المقال؛ وهي محفوظة في {file} دون تغيير:</numerusform>
            <numerusform>%n تسمية لم تعد تطابق نص المقال؛ وهي محفوظة في {file} دون تغيير:</numerusform>
        </translation>
    </message>
    <message>
        <source>{error}. The labels shown are those before that change; the next label you make is refused until the file is fixed.</source>
        <translation>{error}. التسميات المعروضة هي ما كانت عليه قبل ذلك التغيير؛ وستُرفض التسمية التالية حتى يُصلَح الملف.</translation>
    </message>
    <message>
        <source>Labels saved by another window could not be read ({error}).</source>
        <translation>تعذّرت قراءة التسميات التي حفظتها نافذة أخرى ({error}).</translation>
    </message>
    <message>
        <source>Open an event to label it.</source>
        <translation>افتح حدثًا لتسميته.</translation>
    </message>
    <message>
        <source>The change could not be saved to {path} ({error}). The file is as it was before; try again, or choose another file with File → Labels File…</source>
        <translation>تعذّر حفظ التغيير في {path} ({error}). الملف كما كان قبله؛ حاول مرة أخرى، أو اختر ملفًا آخر من ملف ← ملف التسميات…</translation>
    </message>
</context>
<context>
    <name>ArticlePanel</name>
    <message>
        <source>Grey: page furniture and metadata, left out of the comparison.</source>
        <translation>الرمادي: عناصر الصفحة والبيانات الوصفية، وهي مستبعدة من المقارنة.</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Word choice</source>
        <translation>اختيار لفظي</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>رقم</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>إملاء</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Rewording</source>
        <translation>إعادة صياغة</translation>
    </message>
    <message>
        <source>Punctuation</source>
        <translation>ترقيم</translation>
    </message>
    <message>
        <source>Loaded term</source>
        <translation>لفظ مشحون</translation>
    </message>
    <message>
        <source>Scare quotes</source>
        <translation>علامات تنصيص تشكيكية</translation>
    </message>
    <message>
        <source>Attribution verb</source>
        <translation>فعل إسناد</translation>
    </message>
    <message>
        <source>Search hit</source>
        <translation>نتيجة بحث</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>Find a code (English or Arabic)… Enter applies the first</source>
        <translation>ابحث عن رمز (بالعربية أو الإنجليزية)… Enter يطبّق الأول</translation>
    </message>
    <message>
        <source>Select a highlighted difference, a marker, an omission or a cell, then press a code&apos;s key (1–9, letters) or click it. Enter takes the suggested code. Ctrl+Z undoes.</source>
        <translation>اختر فرقًا مظلَّلًا أو مؤشرًا أو إغفالًا أو خلية، ثم اضغط مفتاح الرمز (1–9، الحروف) أو انقره. Enter يعتمد الرمز المقترح. Ctrl+Z للتراجع.</translation>
    </message>
    <message>
        <source>{name}, version {version}</source>
        <translation>{name}، الإصدار {version}</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>  ← suggested</source>
        <translation>  ← مقترح</translation>
    </message>
    <message>
        <source>Example: {example}</source>
        <translation>مثال: {example}</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <source>Other outlet</source>
        <translation>الوسيلة الأخرى</translation>
    </message>
    <message>
        <source>Other words</source>
        <translation>الكلمات الأخرى</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المرمِّز</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>الحدث</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>التواريخ</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>الوسائل</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Word choices</source>
        <translation>اختيارات لفظية</translation>
    </message>
    <message>
        <source>Labelled</source>
        <translation>موسوم</translation>
    </message>
    <message>
        <source>Top variants</source>
        <translation>أبرز التباينات</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>المصطلح</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>القراءة</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>كلماتها</translation>
    </message>
    <message>
        <source>Majority&apos;s words</source>
        <translation>كلمات الأغلبية</translation>
    </message>
    <message>
        <source>Majority outlets</source>
        <translation>وسائل الأغلبية</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Usual term</source>
        <translation>المصطلح الشائع</translation>
    </message>
    <message>
        <source>Marked term</source>
        <translation>المصطلح المخالف</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>العدد</translation>
    </message>
</context>
<context>
    <name>Corpus</name>
    <message>
        <source>Corpus</source>
        <translation>المدوّنة</translation>
    </message>
    <message>
        <source>Open &amp;Corpus Result…</source>
        <translation>فتح نتيجة &amp;مدوّنة…</translation>
    </message>
    <message>
        <source>Open the folder `tabayun corpus` wrote: its events and tables</source>
        <translation>فتح المجلد الذي كتبه أمر المدوّنة في tabayun: أحداثه وجداوله</translation>
    </message>
    <message>
        <source>Corpus &amp;Events</source>
        <translation>أ&amp;حداث المدوّنة</translation>
    </message>
    <message>
        <source>Go to the list of the corpus&apos;s events (F6)</source>
        <translation>الانتقال إلى قائمة أحداث المدوّنة (F6)</translation>
    </message>
    <message>
        <source>Next &amp;Event in Corpus</source>
        <translation>ال&amp;حدث التالي في المدوّنة</translation>
    </message>
    <message>
        <source>Previous E&amp;vent in Corpus</source>
        <translation>الحدث ال&amp;سابق في المدوّنة</translation>
    </message>
    <message>
        <source>Open a corpus result (the folder tabayun corpus wrote)</source>
        <translation>فتح نتيجة مدوّنة (المجلد الذي كتبه أمر المدوّنة في tabayun)</translation>
    </message>
    <message>
        <source>Opening the corpus result {name}…</source>
        <translation>جارٍ فتح نتيجة المدوّنة {name}…</translation>
    </message>
    <message>
        <source>Corpus result {name} opened: choose an event and press Enter to open it.</source>
        <translation>فُتحت نتيجة المدوّنة {name}: اختر حدثًا واضغط Enter لفتحه.</translation>
    </message>
    <message>
        <source>Choose an event in the corpus list: Enter or a double-click opens it here.</source>
        <translation>اختر حدثًا من قائمة المدوّنة: يفتحه هنا Enter أو النقر المزدوج.</translation>
    </message>
    <message>
        <source>Could not read the corpus result {folder}: {error}</source>
        <translation>تعذّرت قراءة نتيجة المدوّنة {folder}: {error}</translation>
    </message>
    <message>
        <source>Could not open the corpus result {folder} ({error}). Please report this.</source>
        <translation>تعذّر فتح نتيجة المدوّنة {folder} ({error}). يُرجى الإبلاغ عن ذلك.</translation>
    </message>
    <message>
        <source>{event}&apos;s folder {folder} is missing: run `tabayun corpus` again with the same --out to write it.</source>
        <translation>مجلد الحدث {event} ({folder}) مفقود: شغّل `tabayun corpus` مجددًا بالقيمة نفسها لـ --out لكتابته.</translation>
    </message>
    <message>
        <source>{event}: only one outlet told this story, so there is nothing to compare; its article is shown alone.</source>
        <translation>{event}: روت هذه القصة وسيلة واحدة فقط، فلا شيء للمقارنة؛ تُعرض مقالتها وحدها.</translation>
    </message>
    <message>
        <source>No more events in the list.</source>
        <translation>لا مزيد من الأحداث في القائمة.</translation>
    </message>
    <message>
        <source>{event} of {corpus} — Tabayun</source>
        <translation>{event} من {corpus} — تباين</translation>
    </message>
    <message>
        <source>Labelled: the event&apos;s folder holds your labels (sort on it to find the events still to do)</source>
        <translation>موسوم: في مجلد الحدث وسومك (رتّب به لتجد الأحداث الباقية)</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message>
        <source>one outlet: not compared</source>
        <translation>وسيلة واحدة: لم يُقارَن</translation>
    </message>
    <message numerus="yes">
        <source>{event}: %n article(s)</source>
        <translation>
            <numerusform>{event}: لا مقالات</numerusform>
            <numerusform>{event}: مقالة واحدة</numerusform>
            <numerusform>{event}: مقالتان</numerusform>
            <numerusform>{event}: %n مقالات</numerusform>
            <numerusform>{event}: %n مقالةً</numerusform>
            <numerusform>{event}: %n مقالة</numerusform>
        </translation>
    </message>
    <message>
        <source>Outlets: {names}</source>
        <translation>الوسائل: {names}</translation>
    </message>
    <message numerus="yes">
        <source>%n word choice(s); slots in all: {slots}</source>
        <translation>
            <numerusform>لا اختيارات لفظية؛ المواضع كلها: {slots}</numerusform>
            <numerusform>اختيار لفظي واحد؛ المواضع كلها: {slots}</numerusform>
            <numerusform>اختياران لفظيان؛ المواضع كلها: {slots}</numerusform>
            <numerusform>%n اختيارات لفظية؛ المواضع كلها: {slots}</numerusform>
            <numerusform>%n اختيارًا لفظيًا؛ المواضع كلها: {slots}</numerusform>
            <numerusform>%n اختيار لفظي؛ المواضع كلها: {slots}</numerusform>
        </translation>
    </message>
    <message>
        <source>Only one outlet told this story: there is nothing to compare.</source>
        <translation>روت هذه القصة وسيلة واحدة فقط: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <source>Its folder holds your labels (labels.csv).</source>
        <translation>في مجلده وسومك (labels.csv).</translation>
    </message>
    <message>
        <source>Enter or a double-click opens it in the grid.</source>
        <translation>يفتحه في الشبكة Enter أو النقر المزدوج.</translation>
    </message>
    <message>
        <source>{outlet}: in how many of the events where it reports the term it has this reading</source>
        <translation>{outlet}: في كم حدثًا من الأحداث التي تذكر فيها المصطلح جاءت بهذه القراءة</translation>
    </message>
    <message numerus="yes">
        <source>{reading} (of {term}): reported by outlets in %n event(s) in all</source>
        <translation>
            <numerusform>{reading} (من {term}): لم تذكره الوسائل في أي حدث</numerusform>
            <numerusform>{reading} (من {term}): ذكرته الوسائل في حدث واحد</numerusform>
            <numerusform>{reading} (من {term}): ذكرته الوسائل في حدثين</numerusform>
            <numerusform>{reading} (من {term}): ذكرته الوسائل في %n أحداث إجمالًا</numerusform>
            <numerusform>{reading} (من {term}): ذكرته الوسائل في %n حدثًا إجمالًا</numerusform>
            <numerusform>{reading} (من {term}): ذكرته الوسائل في %n حدث إجمالًا</numerusform>
        </translation>
    </message>
    <message>
        <source>{outlet} never reports a slot of {term}</source>
        <translation>لا تذكر {outlet} أي موضع من {term}</translation>
    </message>
    <message numerus="yes">
        <source>{outlet} has {reading} in {k} of the %n event(s) where it reports {term}</source>
        <translation>
            <numerusform>{outlet}: {reading} في {k} من 0 حدث تذكر فيه {term}</numerusform>
            <numerusform>{outlet}: {reading} في {k} من حدث واحد تذكر فيه {term}</numerusform>
            <numerusform>{outlet}: {reading} في {k} من حدثين تذكر فيهما {term}</numerusform>
            <numerusform>{outlet}: {reading} في {k} من %n أحداث تذكر فيها {term}</numerusform>
            <numerusform>{outlet}: {reading} في {k} من %n حدثًا تذكر فيها {term}</numerusform>
            <numerusform>{outlet}: {reading} في {k} من %n حدث تذكر فيها {term}</numerusform>
        </translation>
    </message>
    <message>
        <source>share {share}, 95% interval {low}–{high}</source>
        <translation>النسبة {share}، مجال الثقة 95%: {low}–{high}</translation>
    </message>
    <message>
        <source>A habit: {outlet} always writes {reading}</source>
        <translation>عادة: تكتب {outlet} دائمًا {reading}</translation>
    </message>
    <message>
        <source>A one-off: {outlet} wrote {reading} once, {other} otherwise</source>
        <translation>استثناء: كتبت {outlet} {reading} مرة واحدة، و{other} في غيرها</translation>
    </message>
    <message>
        <source>Mixed: {outlet} writes either</source>
        <translation>مختلط: تكتب {outlet} هذه وتلك</translation>
    </message>
    <message>
        <source>One event: too few to tell a habit</source>
        <translation>حدث واحد: أقل من أن يُعرف منه عادة</translation>
    </message>
</context>
<context>
    <name>CorpusPanel</name>
    <message>
        <source>Search events: outlet, date, word, title, E00012…</source>
        <translation>ابحث في الأحداث: وسيلة، تاريخ، كلمة، عنوان، E00012…</translation>
    </message>
    <message>
        <source>Every word must match (diacritics and hamza forms ignored). Down or Enter goes to the list.</source>
        <translation>يجب أن تطابق كل كلمة (مع تجاهل التشكيل وصور الهمزة). السهم للأسفل أو Enter ينقلك إلى القائمة.</translation>
    </message>
    <message>
        <source>Events of the corpus</source>
        <translation>أحداث المدوّنة</translation>
    </message>
    <message>
        <source>Outlets and terms</source>
        <translation>الوسائل والمصطلحات</translation>
    </message>
    <message>
        <source>No term recurs across events in this corpus.</source>
        <translation>لا مصطلح يتكرر عبر الأحداث في هذه المدوّنة.</translation>
    </message>
    <message>
        <source>Each cell: in k of the n events where the outlet reports the term, it has this reading (k/n · share).</source>
        <translation>كل خانة: في k من n حدثًا تذكر فيها الوسيلة المصطلح، جاءت بهذه القراءة (k/n · النسبة).</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <source>Outlets × terms</source>
        <translation>الوسائل × المصطلحات</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n event(s), {articles} articles, {compared} compared</source>
        <translation>
            <numerusform>{name}: لا أحداث، {articles} مقالة، {compared} قورن</numerusform>
            <numerusform>{name}: حدث واحد، {articles} مقالة، {compared} قورن</numerusform>
            <numerusform>{name}: حدثان، {articles} مقالة، {compared} قورن</numerusform>
            <numerusform>{name}: %n أحداث، {articles} مقالة، {compared} قورن</numerusform>
            <numerusform>{name}: %n حدثًا، {articles} مقالة، {compared} قورن</numerusform>
            <numerusform>{name}: %n حدث، {articles} مقالة، {compared} قورن</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n event(s) shown</source>
        <translation>
            <numerusform>{shown} من 0 حدث معروضة</numerusform>
            <numerusform>{shown} من حدث واحد معروضة</numerusform>
            <numerusform>{shown} من حدثين معروضة</numerusform>
            <numerusform>{shown} من %n أحداث معروضة</numerusform>
            <numerusform>{shown} من %n حدثًا معروضة</numerusform>
            <numerusform>{shown} من %n حدث معروضة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>لا أحداث</numerusform>
            <numerusform>حدث واحد</numerusform>
            <numerusform>حدثان</numerusform>
            <numerusform>%n أحداث</numerusform>
            <numerusform>%n حدثًا</numerusform>
            <numerusform>%n حدث</numerusform>
        </translation>
    </message>
    <message>
        <source>open: {event}</source>
        <translation>المفتوح: {event}</translation>
    </message>
    <message>
        <source>Enter or a double-click opens an event</source>
        <translation>يفتح Enter أو النقر المزدوج حدثًا</translation>
    </message>
</context>
<context>
    <name>Differences</name>
    <message>
        <source>(nothing)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>{category}, score {score}</source>
        <translation>{category}، الدرجة {score}</translation>
    </message>
    <message>
        <source> (majority)</source>
        <translation> (الأغلبية)</translation>
    </message>
    <message>
        <source>  (reference)</source>
        <translation>  (المرجع)</translation>
    </message>
    <message>
        <source>Blind mode: names hidden</source>
        <translation>الوضع المُعمّى: الأسماء مخفية</translation>
    </message>
</context>
<context>
    <name>DifferencesPanel</name>
    <message>
        <source>All categories</source>
        <translation>كل الفئات</translation>
    </message>
    <message>
        <source>score ≥ </source>
        <translation>الدرجة ≥ </translation>
    </message>
    <message>
        <source>All outlet pairs</source>
        <translation>كل أزواج الوسائل</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n variant(s)</source>
        <translation>
            <numerusform>{shown} من 0 موضع اختلاف</numerusform>
            <numerusform>{shown} من موضع اختلاف واحد</numerusform>
            <numerusform>{shown} من موضعَي اختلاف</numerusform>
            <numerusform>{shown} من %n مواضع اختلاف</numerusform>
            <numerusform>{shown} من %n موضع اختلاف</numerusform>
            <numerusform>{shown} من %n موضع اختلاف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variant(s)</source>
        <translation>
            <numerusform>لا مواضع اختلاف</numerusform>
            <numerusform>موضع اختلاف واحد</numerusform>
            <numerusform>موضعا اختلاف</numerusform>
            <numerusform>%n مواضع اختلاف</numerusform>
            <numerusform>%n موضع اختلاف</numerusform>
            <numerusform>%n موضع اختلاف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Grid</name>
    <message>
        <source>not reported</source>
        <translation>لم يُذكر</translation>
    </message>
    <message>
        <source>{outlet}: not reported</source>
        <translation>{outlet}: لم يُذكر</translation>
    </message>
    <message>
        <source>{outlet} does not report this claim</source>
        <translation>لا تذكر {outlet} هذا الادعاء</translation>
    </message>
    <message>
        <source> (paraphrasing a source)</source>
        <translation> (إعادة صياغة لكلام مصدر)</translation>
    </message>
    <message>
        <source> (inside quoted speech)</source>
        <translation> (داخل كلام منقول)</translation>
    </message>
    <message>
        <source>Outlet {outlet} (blind mode)</source>
        <translation>الوسيلة {outlet} (الوضع المُعمّى)</translation>
    </message>
    <message>
        <source>Reference outlet</source>
        <translation>الوسيلة المرجعية</translation>
    </message>
    <message>
        <source>H</source>
        <comment>the headlines row&apos;s number</comment>
        <translation>ع</translation>
    </message>
    <message>
        <source>Headlines</source>
        <translation>العناوين</translation>
    </message>
    <message>
        <source>Claim {number}</source>
        <translation>الادعاء {number}</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>{event} — handout</source>
        <translation>{event} — نشرة مطبوعة</translation>
    </message>
</context>
<context>
    <name>Labelling</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;تراجع عن {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>إ&amp;عادة {action}</translation>
    </message>
    <message>
        <source>Label with the &amp;Suggested Code</source>
        <translation>سمِّ بالرمز ال&amp;مقترح</translation>
    </message>
    <message>
        <source>&amp;Find a Code…</source>
        <translation>ابحث عن &amp;رمز…</translation>
    </message>
    <message>
        <source>&amp;Pin Span for a Pair</source>
        <translation>&amp;ثبّت المقطع لزوج</translation>
    </message>
    <message>
        <source>Keep the selected span; the next label pairs it with another outlet&apos;s span</source>
        <translation>احتفظ بالمقطع المختار؛ تقرنه التسمية التالية بمقطع من وسيلة أخرى</translation>
    </message>
    <message>
        <source>&amp;Delete Selected Label</source>
        <translation>&amp;احذف التسمية المختارة</translation>
    </message>
    <message>
        <source>&amp;Labels File…</source>
        <translation>ملف ال&amp;تسميات…</translation>
    </message>
    <message>
        <source>Load &amp;Codebook…</source>
        <translation>حمّل &amp;دليل الترميز…</translation>
    </message>
    <message>
        <source>Set &amp;Annotator Name…</source>
        <translation>اسم ال&amp;مرمِّز…</translation>
    </message>
    <message>
        <source>Label as {code}</source>
        <translation>سمِّ: {code}</translation>
    </message>
    <message>
        <source>Select a difference, a marker, an omission or a cell first</source>
        <translation>اختر أولًا فرقًا أو مؤشرًا أو إغفالًا أو خلية</translation>
    </message>
    <message>
        <source> (not in {outlet})</source>
        <translation> (ليس في {outlet})</translation>
    </message>
    <message>
        <source>Labelled «{text}»{other} as {code} ({what}); Ctrl+Z undoes</source>
        <translation>سُمِّي «{text}»{other} بـ{code} ({what})؛ Ctrl+Z للتراجع</translation>
    </message>
    <message>
        <source>Re-coded as {code}; Ctrl+Z undoes</source>
        <translation>أعيد ترميزه: {code}؛ Ctrl+Z للتراجع</translation>
    </message>
    <message>
        <source>No suggested code here: press a code&apos;s key</source>
        <translation>لا رمز مقترح هنا: اضغط مفتاح رمز</translation>
    </message>
    <message>
        <source>Select a span in the raw article (Ctrl+R) or a cell to pin</source>
        <translation>اختر مقطعًا في المقال الخام (Ctrl+R) أو خلية لتثبيتها</translation>
    </message>
    <message>
        <source>Span pinned: now select the other outlet&apos;s span and press a code key</source>
        <translation>ثُبّت المقطع: اختر الآن مقطع الوسيلة الأخرى واضغط مفتاح رمز</translation>
    </message>
    <message>
        <source>Who is labelling?</source>
        <translation>من يسمّي؟</translation>
    </message>
    <message>
        <source>Your name or initials (recorded on every label; asked once):</source>
        <translation>اسمك أو أحرفه الأولى (يُسجَّل مع كل تسمية؛ يُسأل مرة واحدة):</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المرمِّز</translation>
    </message>
    <message>
        <source>Name recorded on your next labels:</source>
        <translation>الاسم الذي يُسجَّل مع تسمياتك التالية:</translation>
    </message>
    <message>
        <source>Labels file for this event</source>
        <translation>ملف التسميات لهذا الحدث</translation>
    </message>
    <message>
        <source>Labels (*.csv)</source>
        <translation>تسميات (*.csv)</translation>
    </message>
    <message>
        <source>Load a codebook</source>
        <translation>حمّل دليل ترميز</translation>
    </message>
    <message>
        <source>Codebook (*.csv)</source>
        <translation>دليل ترميز (*.csv)</translation>
    </message>
    <message>
        <source>The codebook was not loaded: {error}</source>
        <translation>لم يُحمَّل دليل الترميز: {error}</translation>
    </message>
</context>
<context>
    <name>LabelsPanel</name>
    <message>
        <source>Filter labels (code, outlet, words, note, annotator)…</source>
        <translation>رشّح التسميات (الرمز، الوسيلة، الكلمات، الملاحظة، المرمِّز)…</translation>
    </message>
    <message>
        <source>Note on the selected label (Enter saves)</source>
        <translation>ملاحظة على التسمية المختارة (Enter للحفظ)</translation>
    </message>
    <message>
        <source>confidence: —</source>
        <translation>الثقة: —</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>احذف</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>لا تسميات</numerusform>
            <numerusform>تسمية واحدة</numerusform>
            <numerusform>تسميتان</numerusform>
            <numerusform>%n تسميات</numerusform>
            <numerusform>%n تسمية</numerusform>
            <numerusform>%n تسمية</numerusform>
        </translation>
    </message>
    <message>
        <source> · saved in {path}</source>
        <translation> · محفوظة في {path}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Outlets chose different words here: framing candidates</source>
        <translation>اختارت الوسائل هنا كلمات مختلفة: مواضع محتملة للتأطير</translation>
    </message>
    <message>
        <source>Different numbers</source>
        <translation>أرقام مختلفة</translation>
    </message>
    <message>
        <source>Same word, spelt differently (hamza, transliteration, ...)</source>
        <translation>الكلمة نفسها بإملاء مختلف (الهمزة، النقحرة، ...)</translation>
    </message>
    <message>
        <source>Different punctuation</source>
        <translation>ترقيم مختلف</translation>
    </message>
    <message>
        <source>A loaded term from the lexicon</source>
        <translation>لفظ مشحون من المعجم</translation>
    </message>
    <message>
        <source>Words put in quotation marks</source>
        <translation>كلمات وُضعت بين علامات تنصيص</translation>
    </message>
    <message>
        <source>How a statement is attributed (said, claimed, ...)</source>
        <translation>كيف يُسند التصريح (قال، زعم، ...)</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>التظليل</translation>
    </message>
    <message>
        <source>Highlights:</source>
        <translation>التظليل:</translation>
    </message>
    <message>
        <source>Click to hide or show.</source>
        <translation>انقر للإخفاء أو الإظهار.</translation>
    </message>
    <message>
        <source>Quoted speech</source>
        <translation>الكلام المنقول</translation>
    </message>
    <message>
        <source>Also mark loaded words inside quotations (a speaker&apos;s words the outlet quotes).
Off: only the outlet&apos;s own wording and its paraphrases.</source>
        <translation>ميّز أيضًا الألفاظ المشحونة داخل الاقتباسات (كلام متحدث تنقله الوسيلة).
عند الإيقاف: صياغة الوسيلة نفسها وإعادة صياغتها فقط.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tabayun</source>
        <translation>تباين</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>الرموز</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>التسميات</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>الرسوم البيانية</translation>
    </message>
    <message>
        <source>Open articles about one event: File → Open, or drop files here.</source>
        <translation>افتح مقالات عن حدث واحد: ملف ← فتح، أو أفلت الملفات هنا.</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>الفروق</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>المصطلحات</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>الوسائل</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>الحدث</translation>
    </message>
    <message>
        <source>Raw article</source>
        <translation>المقال الخام</translation>
    </message>
    <message>
        <source>&amp;Open Files…</source>
        <translation>&amp;فتح ملفات…</translation>
    </message>
    <message>
        <source>Open article files about one event</source>
        <translation>افتح ملفات مقالات عن حدث واحد</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>فتح م&amp;جلد…</translation>
    </message>
    <message>
        <source>Open every article in a folder</source>
        <translation>افتح كل المقالات في مجلد</translation>
    </message>
    <message>
        <source>Open the &amp;Sample Event</source>
        <translation>افتح الحدث ال&amp;تجريبي</translation>
    </message>
    <message>
        <source>Clear Recent Events</source>
        <translation>امسح الأحداث الأخيرة</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;نسخ</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>&amp;Next Difference</source>
        <translation>الفرق ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous Difference</source>
        <translation>الفرق ال&amp;سابق</translation>
    </message>
    <message>
        <source>Go to the next difference (F8, Alt+Down)</source>
        <translation>انتقل إلى الفرق التالي (F8، Alt+Down)</translation>
    </message>
    <message>
        <source>Go to the previous difference (Shift+F8, Alt+Up)</source>
        <translation>انتقل إلى الفرق السابق (Shift+F8، Alt+Up)</translation>
    </message>
    <message>
        <source>Next &amp;Open Difference</source>
        <translation>الفرق ال&amp;مفتوح التالي</translation>
    </message>
    <message>
        <source>Go to the next difference you have not labelled or judged (Ctrl+F8)</source>
        <translation>انتقل إلى الفرق التالي الذي لم تسمّه ولم تحكم عليه (Ctrl+F8)</translation>
    </message>
    <message>
        <source>Previous Open Difference</source>
        <translation>الفرق المفتوح السابق</translation>
    </message>
    <message>
        <source>Only &amp;Word-Choice Rows</source>
        <translation>صفوف الاختيار ال&amp;لفظي فقط</translation>
    </message>
    <message>
        <source>Show only rows where outlets chose different words</source>
        <translation>اعرض فقط الصفوف التي اختارت فيها الوسائل كلمات مختلفة</translation>
    </message>
    <message>
        <source>Only &amp;Omissions</source>
        <translation>الإ&amp;غفالات فقط</translation>
    </message>
    <message>
        <source>Show only claims that some outlets do not report</source>
        <translation>اعرض فقط الادعاءات التي لا تذكرها بعض الوسائل</translation>
    </message>
    <message>
        <source>&amp;Blind Mode</source>
        <translation>الوضع ال&amp;مُعمّى</translation>
    </message>
    <message>
        <source>Replace outlet names by letters</source>
        <translation>استبدل بأسماء الوسائل حروفًا</translation>
    </message>
    <message>
        <source>&amp;Raw Article</source>
        <translation>المقال ال&amp;خام</translation>
    </message>
    <message>
        <source>Show the current outlet&apos;s whole article, furniture included (Ctrl+R)</source>
        <translation>اعرض مقال الوسيلة الحالية كاملًا بعناصر صفحته (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Side Panel</source>
        <translation>اللوحة ال&amp;جانبية</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>إعادة ضبط ال&amp;تكبير</translation>
    </message>
    <message>
        <source>&amp;Fit Columns to Window</source>
        <translation>ملاءمة الأعمدة لل&amp;نافذة</translation>
    </message>
    <message>
        <source>Show &amp;All Outlets</source>
        <translation>إظهار &amp;كل الوسائل</translation>
    </message>
    <message>
        <source>&amp;No Reference (compare all pairs)</source>
        <translation>&amp;بلا مرجع (قارن كل الأزواج)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;عرض تقديمي</translation>
    </message>
    <message>
        <source>Classroom mode: the claims where outlets differ, one at a time, full screen (F5)</source>
        <translation>وضع الصف الدراسي: الادعاءات التي تختلف فيها الوسائل، واحدًا تلو الآخر، بملء الشاشة (F5)</translation>
    </message>
    <message>
        <source>&amp;About Tabayun</source>
        <translation>&amp;عن تباين</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>الت&amp;فضيلات…</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;دليل الاستخدام</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>اختصارات ل&amp;وحة المفاتيح</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Recent Events</source>
        <translation>الأحداث ال&amp;أخيرة</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>ت&amp;سمية</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>ا&amp;نتقال</translation>
    </message>
    <message>
        <source>&amp;Outlets</source>
        <translation>ال&amp;وسائل</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>الرئيسي</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ السابق</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>التالي ▶</translation>
    </message>
    <message>
        <source>Word choice only</source>
        <translation>الاختيار اللفظي فقط</translation>
    </message>
    <message>
        <source>Omissions only</source>
        <translation>الإغفالات فقط</translation>
    </message>
    <message>
        <source>Search (ignores diacritics and hamza forms)…</source>
        <translation>بحث (يتجاهل التشكيل وصور الهمزة)…</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>تعمية</translation>
    </message>
    <message>
        <source>Choose which outlets are shown</source>
        <translation>اختر الوسائل المعروضة</translation>
    </message>
    <message>
        <source>Loading… %p%</source>
        <translation>جارٍ التحميل… %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop opening this event (Esc)</source>
        <translation>أوقف فتح هذا الحدث (Esc)</translation>
    </message>
    <message>
        <source>Opening the event was cancelled.</source>
        <translation>أُلغي فتح الحدث.</translation>
    </message>
    <message>
        <source>the sample event</source>
        <translation>الحدث التجريبي</translation>
    </message>
    <message>
        <source>Loading {what}…</source>
        <translation>جارٍ تحميل {what}…</translation>
    </message>
    <message>
        <source>{stage}… %p%</source>
        <translation>{stage}… %p%</translation>
    </message>
    <message>
        <source>Could not open {files}: {error}</source>
        <translation>تعذّر فتح {files}: {error}</translation>
    </message>
    <message>
        <source>Could not analyse these articles ({error}). Please report this.</source>
        <translation>تعذّر تحليل هذه المقالات ({error}). يُرجى الإبلاغ عن ذلك.</translation>
    </message>
    <message>
        <source>Nothing loaded</source>
        <translation>لم يُحمَّل شيء</translation>
    </message>
    <message>
        <source>{event} — Tabayun</source>
        <translation>{event} — تباين</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be loaded;</source>
        <translation>
            <numerusform>لم يتعذّر تحميل أي ملف؛</numerusform>
            <numerusform>تعذّر تحميل ملف واحد؛</numerusform>
            <numerusform>تعذّر تحميل ملفين؛</numerusform>
            <numerusform>تعذّر تحميل %n ملفات؛</numerusform>
            <numerusform>تعذّر تحميل %n ملفًا؛</numerusform>
            <numerusform>تعذّر تحميل %n ملف؛</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the other %n article(s) loaded:</source>
        <translation>
            <numerusform>ولم يُحمَّل أي مقال آخر:</numerusform>
            <numerusform>وحُمِّل المقال الآخر:</numerusform>
            <numerusform>وحُمِّل المقالان الآخران:</numerusform>
            <numerusform>وحُمِّلت المقالات %n الأخرى:</numerusform>
            <numerusform>وحُمِّل %n مقالًا آخر:</numerusform>
            <numerusform>وحُمِّل %n مقال آخر:</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample event</source>
        <translation>الحدث التجريبي</translation>
    </message>
    <message numerus="yes">
        <source>{first} and %n more</source>
        <translation>
            <numerusform>{first}</numerusform>
            <numerusform>{first} وملف آخر</numerusform>
            <numerusform>{first} وملفان آخران</numerusform>
            <numerusform>{first} و%n ملفات أخرى</numerusform>
            <numerusform>{first} و%n ملفًا آخر</numerusform>
            <numerusform>{first} و%n ملف آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>Open articles about one event</source>
        <translation>افتح مقالات عن حدث واحد</translation>
    </message>
    <message>
        <source>Articles (*.txt *.md *.html *.htm *.csv *.json *.jsonl);;All files (*)</source>
        <translation>مقالات (*.txt *.md *.html *.htm *.csv *.json *.jsonl);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Open a folder of articles</source>
        <translation>افتح مجلد مقالات</translation>
    </message>
    <message>
        <source>{folder}/ (corpus result)</source>
        <translation>{folder}/ (نتيجة مدوّنة)</translation>
    </message>
    <message numerus="yes">
        <source>{folder}/: %n file(s)</source>
        <translation>
            <numerusform>{folder}/: لا ملفات</numerusform>
            <numerusform>{folder}/: ملف واحد</numerusform>
            <numerusform>{folder}/: ملفان</numerusform>
            <numerusform>{folder}/: %n ملفات</numerusform>
            <numerusform>{folder}/: %n ملفًا</numerusform>
            <numerusform>{folder}/: %n ملف</numerusform>
        </translation>
    </message>
    <message>
        <source>No recent events</source>
        <translation>لا أحداث أخيرة</translation>
    </message>
    <message>
        <source>Outlets cannot be renamed in blind mode.</source>
        <translation>لا يمكن إعادة تسمية الوسائل في الوضع المُعمّى.</translation>
    </message>
    <message>
        <source>Rename outlet</source>
        <translation>إعادة تسمية الوسيلة</translation>
    </message>
    <message>
        <source>Name for {outlet}:</source>
        <translation>اسم {outlet}:</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n claim(s)</source>
        <translation>
            <numerusform>{shown} من 0 ادعاء</numerusform>
            <numerusform>{shown} من ادعاء واحد</numerusform>
            <numerusform>{shown} من ادعاءين</numerusform>
            <numerusform>{shown} من %n ادعاءات</numerusform>
            <numerusform>{shown} من %n ادعاءً</numerusform>
            <numerusform>{shown} من %n ادعاء</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>لا ادعاءات</numerusform>
            <numerusform>ادعاء واحد</numerusform>
            <numerusform>ادعاءان</numerusform>
            <numerusform>%n ادعاءات</numerusform>
            <numerusform>%n ادعاءً</numerusform>
            <numerusform>%n ادعاء</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n outlet(s)</source>
        <translation>
            <numerusform>{shown} من 0 وسيلة</numerusform>
            <numerusform>{shown} من وسيلة واحدة</numerusform>
            <numerusform>{shown} من وسيلتين</numerusform>
            <numerusform>{shown} من %n وسائل</numerusform>
            <numerusform>{shown} من %n وسيلة</numerusform>
            <numerusform>{shown} من %n وسيلة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>لا فروق</numerusform>
            <numerusform>فرق واحد</numerusform>
            <numerusform>فرقان</numerusform>
            <numerusform>%n فروق</numerusform>
            <numerusform>%n فرقًا</numerusform>
            <numerusform>%n فرق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marker(s)</source>
        <translation>
            <numerusform>لا مؤشرات</numerusform>
            <numerusform>مؤشر واحد</numerusform>
            <numerusform>مؤشران</numerusform>
            <numerusform>%n مؤشرات</numerusform>
            <numerusform>%n مؤشرًا</numerusform>
            <numerusform>%n مؤشر</numerusform>
        </translation>
    </message>
    <message>
        <source>reference: {outlet}</source>
        <translation>المرجع: {outlet}</translation>
    </message>
    <message>
        <source>blind mode</source>
        <translation>الوضع المُعمّى</translation>
    </message>
    <message>
        <source>labelling off (see the message above the grid)</source>
        <translation>التسمية متوقفة (انظر الرسالة فوق الجدول)</translation>
    </message>
    <message>
        <source>About Tabayun</source>
        <translation>عن تباين</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tabayun {version}&lt;/b&gt; · تباين&lt;br&gt;Several news articles about one event, side by side, claim by claim, with the outlets&apos; different words highlighted.&lt;br&gt;&lt;br&gt;Arabic text in Noto Naskh Arabic (SIL Open Font License) when the system has no Arabic font.</source>
        <translation>&lt;b&gt;تباين {version}&lt;/b&gt; · Tabayun&lt;br&gt;عدة مقالات إخبارية عن حدث واحد، جنبًا إلى جنب، ادعاءً بادعاء، مع تظليل الكلمات التي اختلفت فيها الوسائل.&lt;br&gt;&lt;br&gt;يُعرض النص العربي بخط Noto Naskh Arabic (رخصة SIL للخطوط المفتوحة) إذا لم يكن في النظام خط عربي.</translation>
    </message>
    <message>
        <source>The interface language changes when Tabayun restarts.</source>
        <translation>تتغير لغة الواجهة عند إعادة تشغيل تباين.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>No further open difference</source>
        <translation>لا فرق مفتوح بعد هذا</translation>
    </message>
    <message>
        <source>No earlier open difference</source>
        <translation>لا فرق مفتوح قبل هذا</translation>
    </message>
    <message>
        <source>No further difference</source>
        <translation>لا فرق بعد هذا</translation>
    </message>
    <message>
        <source>No earlier difference</source>
        <translation>لا فرق قبل هذا</translation>
    </message>
    <message>
        <source>Filters cleared to show the difference</source>
        <translation>أُلغيت عوامل التصفية لعرض الفرق</translation>
    </message>
    <message>
        <source>Row {row}: {outlet_a} «{words_a}» / {outlet_b} «{words_b}» ({category}, score {score})</source>
        <translation>الصف {row}: {outlet_a} «{words_a}» / {outlet_b} «{words_b}» ({category}، الدرجة {score})</translation>
    </message>
    <message>
        <source>No difference found for this term pair</source>
        <translation>لم يوجد فرق لهذا الزوج من المصطلحات</translation>
    </message>
</context>
<context>
    <name>Outlets</name>
    <message>
        <source>Rename “{outlet}”…</source>
        <translation>أعد تسمية «{outlet}»…</translation>
    </message>
    <message>
        <source>Hide “{outlet}”</source>
        <translation>أخفِ «{outlet}»</translation>
    </message>
    <message>
        <source>Clear reference (compare all pairs)</source>
        <translation>ألغِ المرجع (قارن كل الأزواج)</translation>
    </message>
    <message>
        <source>Use “{outlet}” as reference</source>
        <translation>اجعل «{outlet}» مرجعًا</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>انقل إلى الأمام</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>انقل إلى الخلف</translation>
    </message>
    <message>
        <source>Show raw article</source>
        <translation>اعرض المقال الخام</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>ال&amp;مرجع</translation>
    </message>
    <message>
        <source>None: compare all pairs</source>
        <translation>بلا مرجع: قارن كل الأزواج</translation>
    </message>
    <message>
        <source>Outlets Panel (rename, order, reference)…</source>
        <translation>لوحة الوسائل (إعادة التسمية، الترتيب، المرجع)…</translation>
    </message>
</context>
<context>
    <name>OutletsPanel</name>
    <message>
        <source>Earlier</source>
        <translation>أسبق</translation>
    </message>
    <message>
        <source>Move the outlet one column towards the start</source>
        <translation>انقل الوسيلة عمودًا واحدًا نحو البداية</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>ألحق</translation>
    </message>
    <message>
        <source>Move the outlet one column towards the end</source>
        <translation>انقل الوسيلة عمودًا واحدًا نحو النهاية</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>مرجع</translation>
    </message>
    <message>
        <source>Compare every outlet with this one only (click again to clear)</source>
        <translation>قارن كل وسيلة بهذه وحدها (انقر مرة أخرى للإلغاء)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>أظهر الكل</translation>
    </message>
    <message>
        <source>Show every outlet</source>
        <translation>أظهر كل الوسائل</translation>
    </message>
    <message>
        <source>Blind mode: letters instead of names</source>
        <translation>الوضع المُعمّى: حروف بدل الأسماء</translation>
    </message>
    <message>
        <source>Tick to show, double-click to rename, drag column headers to reorder.</source>
        <translation>علّم للإظهار، وانقر نقرًا مزدوجًا لإعادة التسمية، واسحب رؤوس الأعمدة لإعادة الترتيب.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source>Takes effect when Tabayun restarts.</source>
        <translation>يسري عند إعادة تشغيل تباين.</translation>
    </message>
    <message>
        <source>Default ({family})</source>
        <translation>الافتراضي ({family})</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <source>Your name or initials, recorded on every label</source>
        <translation>اسمك أو أحرفه الأولى، ويُسجَّل مع كل تسمية</translation>
    </message>
    <message>
        <source>Show only the rows where outlets chose different words</source>
        <translation>اعرض فقط الصفوف التي اختارت فيها الوسائل كلمات مختلفة</translation>
    </message>
    <message>
        <source>Mark loaded words inside quoted speech too</source>
        <translation>ميّز الألفاظ المشحونة داخل الكلام المنقول أيضًا</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <source>Article font and size:</source>
        <translation>خط المقالات وحجمه:</translation>
    </message>
    <message>
        <source>Labels folder:</source>
        <translation>مجلد التسميات:</translation>
    </message>
    <message>
        <source>Where labels go for events whose own folder cannot take them (the sample event); used for the next event opened.</source>
        <translation>مكان حفظ التسميات للأحداث التي لا يمكن الكتابة في مجلدها (كالحدث التجريبي)؛ ويُستخدم للحدث التالي الذي يُفتح.</translation>
    </message>
    <message>
        <source>Annotator name:</source>
        <translation>اسم المرمِّز:</translation>
    </message>
    <message>
        <source>When an event opens:</source>
        <translation>عند فتح حدث:</translation>
    </message>
    <message>
        <source>Labels folder</source>
        <translation>مجلد التسميات</translation>
    </message>
</context>
<context>
    <name>Present</name>
    <message>
        <source>another outlet</source>
        <translation>وسيلة أخرى</translation>
    </message>
    <message>
        <source>claim {number} / {count}</source>
        <translation>الادعاء {number} / {count}</translation>
    </message>
    <message>
        <source> · headlines</source>
        <translation> · العناوين</translation>
    </message>
    <message>
        <source>no differing claims</source>
        <translation>لا ادعاءات مختلفة</translation>
    </message>
    <message>
        <source>texts</source>
        <translation>النصوص</translation>
    </message>
    <message>
        <source>differences</source>
        <translation>الفروق</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>الفئات</translation>
    </message>
    <message>
        <source>{event} — Present</source>
        <translation>{event} — عرض تقديمي</translation>
    </message>
    <message>
        <source>Omission</source>
        <translation>إغفال</translation>
    </message>
    <message>
        <source>Label: {code}</source>
        <translation>تسمية: {code}</translation>
    </message>
    <message>
        <source>These outlets never differ: press Tab for others, or 3 for a third column.</source>
        <translation>لا تختلف هذه الوسائل أبدًا: اضغط Tab لغيرها، أو 3 لعمود ثالث.</translation>
    </message>
    <message>
        <source>↓ highlight the differences</source>
        <translation>↓ ظلّل الفروق</translation>
    </message>
    <message>
        <source>↓ say what kind of differences they are</source>
        <translation>↓ بيّن نوع هذه الفروق</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>ولا شيء آخر</numerusform>
            <numerusform>وواحد آخر</numerusform>
            <numerusform>واثنان آخران</numerusform>
            <numerusform>و%n أخرى</numerusform>
            <numerusform>و%n أخرى</numerusform>
            <numerusform>و%n أخرى</numerusform>
        </translation>
    </message>
    <message>
        <source> · quiz</source>
        <translation> · اختبار</translation>
    </message>
    <message>
        <source> (names shown)</source>
        <translation> (الأسماء ظاهرة)</translation>
    </message>
    <message>
        <source>{forward} Space next · {back} previous · ↓ Enter reveal · ↑ back · Tab outlets · 2/3 columns · B quiz · R names · P handout · Esc</source>
        <translation>{forward} المسافة التالي · {back} السابق · ↓ Enter كشف · ↑ رجوع · Tab الوسائل · 2/3 أعمدة · B اختبار · R الأسماء · P نشرة · Esc</translation>
    </message>
    <message>
        <source>step {number}/{count}: {name}</source>
        <translation>الخطوة {number}/{count}: {name}</translation>
    </message>
    <message>
        <source>Save Handout</source>
        <translation>احفظ النشرة</translation>
    </message>
    <message>
        <source>{event} handout</source>
        <translation>نشرة {event}</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Not aligned yet: each outlet&apos;s first sentences in its own order. A line here is not one claim; the claims appear when the articles are aligned.</source>
        <translation>لم تُحاذَ النصوص بعد: الجمل الأولى من كل وسيلة بترتيبها الأصلي. السطر هنا ليس ادعاءً واحدًا؛ تظهر الادعاءات بعد محاذاة المقالات.</translation>
    </message>
    <message>
        <source>Claims aligned: one row per claim. The words are still being compared; the full grid follows.</source>
        <translation>حُوذيت الادعاءات: صف واحد لكل ادعاء. ما زالت مقارنة الكلمات جارية، ويليها الجدول كاملًا.</translation>
    </message>
</context>
<context>
    <name>ReviewProgress</name>
    <message>
        <source> by {annotator}</source>
        <translation> بواسطة {annotator}</translation>
    </message>
    <message>
        <source>{reviewed} of {total} reviewed</source>
        <translation>رُوجع {reviewed} من {total}</translation>
    </message>
    <message>
        <source>{labelled} labelled, {no_framing} judged not framing (Neutral, N), {open} open.
Next open difference: Ctrl+F8.</source>
        <translation>{labelled} مسمّى، و{no_framing} حُكم بأنه ليس تأطيرًا (محايد، N)، و{open} مفتوح.
الفرق المفتوح التالي: Ctrl+F8.</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Which outlet reports which claim</source>
        <translation>أي وسيلة تذكر أي ادعاء</translation>
    </message>
    <message>
        <source>Word choices per outlet (term table)</source>
        <translation>الاختيارات اللفظية لكل وسيلة (جدول المصطلحات)</translation>
    </message>
    <message>
        <source>Loaded wording per outlet (own voice)</source>
        <translation>الصياغة المشحونة لكل وسيلة (بصوتها)</translation>
    </message>
    <message>
        <source>Labels per outlet, by code</source>
        <translation>التسميات لكل وسيلة، حسب الرمز</translation>
    </message>
    <message>
        <source>Draw the charts</source>
        <translation>ارسم الرسوم البيانية</translation>
    </message>
    <message>
        <source>Draw the charts again</source>
        <translation>أعد رسم الرسوم البيانية</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>Write the labelled differences (CSV, XLSX), an HTML report and charts</source>
        <translation>اكتب الفروق المسمّاة (CSV، XLSX) وتقرير HTML ورسومًا بيانية</translation>
    </message>
    <message>
        <source>&amp;Agreement Between Annotators…</source>
        <translation>ا&amp;لاتفاق بين المرمِّزين…</translation>
    </message>
    <message>
        <source>Export: where to put the new export folder</source>
        <translation>التصدير: أين يوضع مجلد التصدير الجديد</translation>
    </message>
    <message>
        <source>Exporting into a new folder in {folder}…</source>
        <translation>جارٍ التصدير إلى مجلد جديد في {folder}…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to {folder}</source>
        <translation>
            <numerusform>لم يُصدَّر أي ملف إلى {folder}</numerusform>
            <numerusform>صُدِّر ملف واحد إلى {folder}</numerusform>
            <numerusform>صُدِّر ملفان إلى {folder}</numerusform>
            <numerusform>صُدِّرت %n ملفات إلى {folder}</numerusform>
            <numerusform>صُدِّر %n ملفًا إلى {folder}</numerusform>
            <numerusform>صُدِّر %n ملف إلى {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export done</source>
        <translation>اكتمل التصدير</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to the new folder</source>
        <translation>
            <numerusform>لم يُكتب أي ملف في المجلد الجديد</numerusform>
            <numerusform>كُتب ملف واحد في المجلد الجديد</numerusform>
            <numerusform>كُتب ملفان في المجلد الجديد</numerusform>
            <numerusform>كُتبت %n ملفات في المجلد الجديد</numerusform>
            <numerusform>كُتب %n ملفًا في المجلد الجديد</numerusform>
            <numerusform>كُتب %n ملف في المجلد الجديد</numerusform>
        </translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>افتح التقرير</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>أظهر المجلد</translation>
    </message>
    <message>
        <source>The export failed: {error}. Nothing else was changed; choose a folder you can write to and try again.</source>
        <translation>فشل التصدير: {error}. لم يتغير شيء آخر؛ اختر مجلدًا تستطيع الكتابة فيه وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>جارٍ الرسم…</translation>
    </message>
    <message>
        <source>The charts could not be drawn: {error}</source>
        <translation>تعذّر رسم الرسوم البيانية: {error}</translation>
    </message>
    <message>
        <source>Labels files of two or more annotators</source>
        <translation>ملفات تسميات لمرمِّزَين أو أكثر</translation>
    </message>
    <message>
        <source>Labels (*.csv)</source>
        <translation>تسميات (*.csv)</translation>
    </message>
    <message>
        <source>Agreement not computed: {error}</source>
        <translation>لم يُحسب الاتفاق: {error}</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Select words inside the current cell; move the selection; clear it</source>
        <translation>اختر كلمات داخل الخلية الحالية؛ حرّك الاختيار؛ امسحه</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>الجدول</translation>
    </message>
    <message>
        <source>Enter; Down</source>
        <translation>Enter؛ السهم للأسفل</translation>
    </message>
    <message>
        <source>Open the chosen event in the grid; from the search box to the list</source>
        <translation>فتح الحدث المختار في الجدول؛ الانتقال من مربع البحث إلى القائمة</translation>
    </message>
    <message>
        <source>Corpus panel</source>
        <translation>لوحة المدوّنة</translation>
    </message>
    <message>
        <source>Arrows, Space; Down; B; R; P</source>
        <translation>الأسهم، المسافة؛ السهم السفلي؛ B؛ R؛ P</translation>
    </message>
    <message>
        <source>Step; reveal; blind quiz; reveal names; handout</source>
        <translation>خطوة؛ كشف؛ اختبار مُعمّى؛ كشف الأسماء؛ نشرة مطبوعة</translation>
    </message>
    <message>
        <source>classroom mode</source>
        <translation>وضع الصف الدراسي</translation>
    </message>
    <message>
        <source>Differences table</source>
        <translation>جدول الفروق</translation>
    </message>
    <message>
        <source>Labels table</source>
        <translation>جدول التسميات</translation>
    </message>
    <message>
        <source>raw article</source>
        <translation>المقال الخام</translation>
    </message>
    <message>
        <source>anywhere in the window</source>
        <translation>في أي مكان من النافذة</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the places a key works</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>What</source>
        <translation>الوظيفة</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>المكان</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>reading files</source>
        <translation>قراءة الملفات</translation>
    </message>
    <message>
        <source>segmenting</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <source>aligning</source>
        <translation>المحاذاة</translation>
    </message>
    <message>
        <source>comparing words</source>
        <translation>مقارنة الكلمات</translation>
    </message>
    <message>
        <source>collating</source>
        <translation>المقابلة بين النصوص</translation>
    </message>
    <message>
        <source>finding markers</source>
        <translation>البحث عن المؤشرات</translation>
    </message>
    <message>
        <source>done</source>
        <translation>تم</translation>
    </message>
</context>
<context>
    <name>Tabayun</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>Target</name>
    <message>
        <source>difference</source>
        <translation>فرق</translation>
    </message>
    <message>
        <source>marker</source>
        <translation>مؤشر</translation>
    </message>
    <message>
        <source>omission</source>
        <translation>إغفال</translation>
    </message>
    <message>
        <source>selected words</source>
        <translation>كلمات مختارة</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>خلية</translation>
    </message>
    <message>
        <source>span</source>
        <translation>مقطع</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>زوج</translation>
    </message>
</context>
<context>
    <name>TermsPanel</name>
    <message>
        <source>All categories</source>
        <translation>كل الفئات</translation>
    </message>
    <message>
        <source>No term pairs in this event.</source>
        <translation>لا أزواج مصطلحات في هذا الحدث.</translation>
    </message>
</context>
</TS>
