// the project is its own git repository with two commits: the first logs development at DEBUG, the second at TRACE;
// the build deploys the first (it-first), then the second (it-second), then monitors it-second
def git = { String... args ->
    def command = ['git', '-c', 'user.name=config-cicd IT', '-c', 'user.email=it@example.com',
                   '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'] + args.toList()
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "${command.join(' ')} failed: ${output}"
}
new File(basedir, '.git').deleteDir()   // a re-run clones over the previous run's repository
new File(basedir, 'build').deleteDir()
new File(basedir, 'configuration/.config-cicd').deleteDir()
new File(basedir, '.gitignore').text = 'build/\ntarget/\nbuild.log\nconfiguration/.config-cicd/\n'
git('init', '-q')
git('add', '.')
git('commit', '-q', '-m', 'development logs at DEBUG')

def development = new File(basedir, 'configuration/environments/development.yaml')
development.text = development.text.replace('level: DEBUG', 'level: TRACE')
git('commit', '-q', '-a', '-m', 'development logs at TRACE')
true
