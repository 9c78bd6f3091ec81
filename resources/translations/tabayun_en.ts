<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Annotation</name>
    <message numerus="yes">
        <source>%n label(s) no longer match the article text; they are kept in {file} unchanged:</source>
        <translation>
            <numerusform>%n label no longer match the article text; they are kept in {file} unchanged:</numerusform>
            <numerusform>%n labels no longer match the article text; they are kept in {file} unchanged:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corpus</name>
    <message numerus="yes">
        <source>{event}: %n article(s)</source>
        <translation>
            <numerusform>{event}: %n article</numerusform>
            <numerusform>{event}: %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word choice(s); slots in all: {slots}</source>
        <translation>
            <numerusform>%n word choice; slots in all: {slots}</numerusform>
            <numerusform>%n word choices; slots in all: {slots}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{reading} (of {term}): reported by outlets in %n event(s) in all</source>
        <translation>
            <numerusform>{reading} (of {term}): reported by outlets in %n event in all</numerusform>
            <numerusform>{reading} (of {term}): reported by outlets in %n events in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{outlet} has {reading} in {k} of the %n event(s) where it reports {term}</source>
        <translation>
            <numerusform>{outlet} has {reading} in {k} of the %n event where it reports {term}</numerusform>
            <numerusform>{outlet} has {reading} in {k} of the %n events where it reports {term}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorpusPanel</name>
    <message numerus="yes">
        <source>{name}: %n event(s), {articles} articles, {compared} compared</source>
        <translation>
            <numerusform>{name}: %n event, {articles} articles, {compared} compared</numerusform>
            <numerusform>{name}: %n events, {articles} articles, {compared} compared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n event(s) shown</source>
        <translation>
            <numerusform>{shown} of %n event shown</numerusform>
            <numerusform>{shown} of %n events shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DifferencesPanel</name>
    <message numerus="yes">
        <source>{shown} of %n variant(s)</source>
        <translation>
            <numerusform>{shown} of %n variant</numerusform>
            <numerusform>{shown} of %n variants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variant(s)</source>
        <translation>
            <numerusform>%n variant</numerusform>
            <numerusform>%n variants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelsPanel</name>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n file(s) could not be loaded;</source>
        <translation>
            <numerusform>%n file could not be loaded;</numerusform>
            <numerusform>%n files could not be loaded;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the other %n article(s) loaded:</source>
        <translation>
            <numerusform>the other %n article loaded:</numerusform>
            <numerusform>the other %n articles loaded:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{first} and %n more</source>
        <translation>
            <numerusform>{first} and %n more</numerusform>
            <numerusform>{first} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{folder}/: %n file(s)</source>
        <translation>
            <numerusform>{folder}/: %n file</numerusform>
            <numerusform>{folder}/: %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n claim(s)</source>
        <translation>
            <numerusform>{shown} of %n claim</numerusform>
            <numerusform>{shown} of %n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n outlet(s)</source>
        <translation>
            <numerusform>{shown} of %n outlet</numerusform>
            <numerusform>{shown} of %n outlets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marker(s)</source>
        <translation>
            <numerusform>%n marker</numerusform>
            <numerusform>%n markers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Present</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message numerus="yes">
        <source>Exported %n file(s) to {folder}</source>
        <translation>
            <numerusform>Exported %n file to {folder}</numerusform>
            <numerusform>Exported %n files to {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to the new folder</source>
        <translation>
            <numerusform>%n file written to the new folder</numerusform>
            <numerusform>%n files written to the new folder</numerusform>
        </translation>
    </message>
</context>
</TS>
