; Inno Setup 6 script for Coding Path Planner on Windows (64-bit).
; UNTESTED here (built only by .github/workflows/build.yml on a Windows runner); see
; packaging/README.md.
;
; Build the bundle first (dist\codepath\ with codepath.exe and CodingPathPlanner.exe):
;   python packaging\make_icons.py ico build\icons\codepath.ico
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\codepath.spec
; then, from the repository root:
;   iscc /DMyAppVersion=0.1.0 packaging\windows\codepath.iss
; Output: dist\CodingPathPlanner-<version>-setup.exe
;
; Relative paths below are relative to this script's folder.

#ifndef MyAppVersion
  #define MyAppVersion "0.0.0"
#endif
#define MyAppName "Coding Path Planner"
#define MyAppPublisher "Coding Path Planner contributors"
#define MyAppExeName "CodingPathPlanner.exe"
#define BundleDir "..\..\dist\codepath"

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it.
AppId={{6F4E2B1C-8D3A-4C5E-9B7F-2A1D0C3E4F56}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppPublisher={#MyAppPublisher}
DefaultDirName={autopf}\{#MyAppName}
DefaultGroupName={#MyAppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=CodingPathPlanner-{#MyAppVersion}-setup
SetupIconFile=..\..\build\icons\codepath.ico
UninstallDisplayIcon={app}\{#MyAppExeName}
UninstallDisplayName={#MyAppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The learner's profile lives in the user's data folder, never in {app}: uninstalling
; removes only what was installed here.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"
Name: "{autodesktop}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#MyAppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(MyAppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
