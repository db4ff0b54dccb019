// a real git repository in the cloned project: the configuration as committed, then a second commit that only
// changes the development log level (logging.** is LOW, and development lowers it further)
def git = { String... args ->
    def command = ['git', '-c', 'user.name=config-cicd IT', '-c', 'user.email=it@example.com',
                   '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'] + args.toList()
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "${command.join(' ')} failed: ${output}"
}
new File(basedir, '.git').deleteDir()   // a re-run clones over the previous run's repository
git('init', '-q')
git('add', '.')
git('commit', '-q', '-m', 'initial configuration')

def development = new File(basedir, 'configuration/environments/development.yaml')
development.text = development.text.replace('level: DEBUG', 'level: WARN')
git('commit', '-q', '-a', '-m', 'quieter development logs')
true
