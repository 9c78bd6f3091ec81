; Inno Setup script: the Windows installer around the PyInstaller bundle.
;
;   python packaging\make_icons.py
;   pyinstaller --noconfirm --distpath build\dist --workpath build\pyinstaller packaging\tabayun.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\tabayun.iss      -> build\installer\Tabayun-0.1.0-setup.exe
;
; Written for Inno Setup 6.5 or later (its Arabic messages file ships from 6.5). Built by .github/workflows/packaging.yml on windows-latest; it
; cannot be built or tried on the Linux machines the project is developed on.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Tabayun"
#define AppExe "Tabayun.exe"
; Paths are relative to this script's folder (packaging\windows): the repository is two up.
#define Top "..\.."

[Setup]
; A fixed AppId lets an update replace the installed version: never change it.
AppId={{6B3E1C52-7F0A-4E43-9C1D-2A4F5E8B9D10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Tabayun developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator rights needed); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Top}\build\installer
OutputBaseFilename=Tabayun-{#AppVersion}-setup
SetupIconFile={#Top}\build\icons\tabayun.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The installer speaks Arabic and English; the user picks at the start.
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Top}\build\dist\Tabayun\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
